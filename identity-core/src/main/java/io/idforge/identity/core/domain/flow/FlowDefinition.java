package io.idforge.identity.core.domain.flow;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a tenant says a flow is: name, status, lifetime of its processes and ordered steps. Each
 * change of definition produces a new immutable {@link FlowVersion}.
 *
 * @param timeToLiveMinutes how long a token and its process live, 1..1440 (Truora default 120)
 * @param privacyNoticeUrl the tenant's privacy notice; when set, the hosted flow opens with a
 *     welcome screen asking for the data authorization (Truora's {@code enter_authorization})
 * @param displayName the name the user knows the tenant by, shown on the hosted pages; or null
 * @param logoUrl the tenant's logo (https) on the hosted pages; or null
 * @param primaryColor {@code #rrggbb} of the hosted pages' buttons and links (checked for WCAG AA
 *     contrast against white when the flow is saved); or null for the default
 * @param supportContact how the user reaches the tenant's support, shown on the pages and e-mails
 * @param allowedFrameAncestors the origins ({@code https://host[:port]}, or {@code http://localhost}
 *     / {@code http://127.0.0.1} for development) whose pages may show the hosted flow in an iframe
 *     and receive its {@code postMessage} events; empty (never null): no page may frame it
 */
public record FlowDefinition(
    String name, boolean enabled, int timeToLiveMinutes, List<FlowStep> steps, String privacyNoticeUrl, String displayName,
    String logoUrl, String primaryColor, String supportContact, List<String> allowedFrameAncestors) {

  /**
   * An exact origin as the wire layer normalises it. Checked again here because each entry is
   * written into a response header: a space or {@code ;} would add a CSP source or directive.
   */
  private static final Pattern ORIGIN =
      Pattern.compile("(?:https://[a-z0-9.-]+|http://(?:localhost|127\\.0\\.0\\.1))(?::[0-9]{1,5})?");

  /** A flow without a privacy notice, branding or embedding. */
  public FlowDefinition(String name, boolean enabled, int timeToLiveMinutes, List<FlowStep> steps) {
    this(name, enabled, timeToLiveMinutes, steps, null, null, null, null, null, List.of());
  }

  /** Whether some site may show the hosted flow in an iframe. */
  public boolean embeddable() {
    return !allowedFrameAncestors.isEmpty();
  }

  /** The flow's branding for pages and e-mails. */
  public Branding branding() {
    return new Branding(displayName, primaryColor, supportContact);
  }

  /** Whether the hosted flow asks for the data authorization before the first step. */
  public boolean asksConsent() {
    return privacyNoticeUrl != null;
  }

  public static final int DEFAULT_TTL_MINUTES = 120;
  public static final int MAX_TTL_MINUTES = 1440;

  public FlowDefinition {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a flow needs a name");
    }
    if (timeToLiveMinutes < 1 || timeToLiveMinutes > MAX_TTL_MINUTES) {
      throw new IllegalArgumentException("time_to_live must be between 1 and " + MAX_TTL_MINUTES);
    }
    if (steps == null || steps.isEmpty()) {
      throw new IllegalArgumentException("a flow needs at least one step");
    }
    steps = List.copyOf(steps);
    allowedFrameAncestors = allowedFrameAncestors == null ? List.of() : List.copyOf(allowedFrameAncestors);
    for (String origin : allowedFrameAncestors) {
      if (!ORIGIN.matcher(origin).matches()) {
        throw new IllegalArgumentException("not an origin a page may be framed by: " + origin);
      }
    }
    Set<StepType> seen = new HashSet<>();
    for (FlowStep step : steps) {
      if (!seen.add(step.type())) {
        throw new IllegalArgumentException("a flow runs each validator once; " + step.type().wireValue() + " repeats");
      }
    }
  }
}
