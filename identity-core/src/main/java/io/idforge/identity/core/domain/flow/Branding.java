package io.idforge.identity.core.domain.flow;

/**
 * A flow's branding as the user sees it on the hosted pages and in the e-mails (Truora's brand
 * theme): the tenant's name, primary colour ({@code #rrggbb}, AA against white, checked at save)
 * and support contact. Every part may be null: the service's defaults apply.
 */
public record Branding(String displayName, String primaryColor, String supportContact) {

  /** No branding: the service's name and colours. */
  public static final Branding NONE = new Branding(null, null, null);
}
