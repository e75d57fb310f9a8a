package io.idforge.identity.face.engine;

/**
 * Maps a target pixel centre (x + 0.5, y + 0.5) to continuous source coordinates, where source
 * pixel (i, j) covers [i, i + 1) × [j, j + 1): {@code u = a x + b y + c}, {@code v = d x + e y + f}.
 */
record Affine(double a, double b, double c, double d, double e, double f) {

  /** Stretches a {@code w}×{@code h} region at (x0, y0) onto a {@code tw}×{@code th} target. */
  static Affine stretch(double x0, double y0, double w, double h, int tw, int th) {
    return new Affine(w / tw, 0, x0, 0, h / th, y0);
  }

  /**
   * Rotates by {@code angle} and scales by {@code scale} source pixels per target pixel, putting
   * source point (cx, cy) at target point (tx, ty).
   */
  static Affine rotated(double cx, double cy, double angle, double scale, double tx, double ty) {
    double cos = Math.cos(angle) * scale;
    double sin = Math.sin(angle) * scale;
    return new Affine(cos, -sin, cx - cos * tx + sin * ty, sin, cos, cy - sin * tx - cos * ty);
  }

  double u(double x, double y) {
    return a * x + b * y + c;
  }

  double v(double x, double y) {
    return d * x + e * y + f;
  }

  /** Source pixels per target pixel along the target's x axis. */
  double scaleX() {
    return Math.hypot(a, d);
  }

  /** Source pixels per target pixel along the target's y axis. */
  double scaleY() {
    return Math.hypot(b, e);
  }
}
