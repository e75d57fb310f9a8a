package io.idforge.identity.web.hosted;

import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.util.List;

/**
 * Who may show a hosted page in a frame, and where its {@code postMessage} events may go. By
 * default nobody ({@code frame-ancestors 'none'} plus {@code X-Frame-Options: DENY} for browsers
 * without CSP 2): the pages take personal data and one-time codes, so a foreign page must not
 * overlay them (clickjacking). A flow that lists {@code allowed_frame_ancestors} lets exactly those
 * origins frame the pages of its processes, and no {@code X-Frame-Options} is sent then (it cannot
 * name an origin list, and {@code DENY} would block them in older browsers).
 *
 * @param origins normalised origins ({@code FlowDefinition} checked them); empty: none
 */
record FramePolicy(List<String> origins) implements Serializable {

  /** Nobody may frame the page. */
  static final FramePolicy NONE = new FramePolicy(List.of());

  FramePolicy {
    origins = origins == null ? List.of() : List.copyOf(origins);
  }

  boolean embeddable() {
    return !origins.isEmpty();
  }

  /** The CSP directive, e.g. {@code frame-ancestors https://shop.example.com}. */
  String directive() {
    return "frame-ancestors " + (origins.isEmpty() ? "'none'" : String.join(" ", origins));
  }

  /**
   * The legacy header: {@code DENY} when nobody may frame the page; for an allowlist nothing is
   * set, so the response must not have had one before (callers decide once per response).
   */
  void applyLegacyHeader(HttpServletResponse response) {
    if (!embeddable()) {
      response.setHeader("X-Frame-Options", "DENY");
    }
  }
}
