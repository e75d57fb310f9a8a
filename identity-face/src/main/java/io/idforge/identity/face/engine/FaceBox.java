package io.idforge.identity.face.engine;

/** A detected face in picture pixels (x1, y1 top left; x2, y2 bottom right) with its score. */
public record FaceBox(double x1, double y1, double x2, double y2, double score) {

  public double width() {
    return x2 - x1;
  }

  public double height() {
    return y2 - y1;
  }

  double area() {
    return Math.max(0, width()) * Math.max(0, height());
  }

  double iou(FaceBox o) {
    double iw = Math.min(x2, o.x2) - Math.max(x1, o.x1);
    double ih = Math.min(y2, o.y2) - Math.max(y1, o.y1);
    if (iw <= 0 || ih <= 0) {
      return 0;
    }
    double inter = iw * ih;
    return inter / (area() + o.area() - inter);
  }
}
