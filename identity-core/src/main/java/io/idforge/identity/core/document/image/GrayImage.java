package io.idforge.identity.core.document.image;

import java.awt.image.BufferedImage;

/**
 * A grayscale copy of a picture as Rec. 601 luma floats, optionally box-averaged so its long side
 * is at most a given size. Each source pixel contributes to exactly one target pixel, which keeps
 * the reduction a true area average (no aliasing from point sampling).
 */
record GrayImage(int width, int height, float[] pixels) {

  static GrayImage of(BufferedImage image, int maxSide) {
    int w = image.getWidth();
    int h = image.getHeight();
    double factor = Math.max(1.0, Math.max(w, h) / (double) maxSide);
    int tw = Math.max(1, (int) Math.round(w / factor));
    int th = Math.max(1, (int) Math.round(h / factor));
    double[] sums = new double[tw * th];
    int[] counts = new int[tw * th];
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      image.getRGB(0, y, w, 1, row, 0, w);
      int ty = Math.min(th - 1, (int) ((long) y * th / h));
      int offset = ty * tw;
      for (int x = 0; x < w; x++) {
        int rgb = row[x];
        double luma =
            0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
        int i = offset + Math.min(tw - 1, (int) ((long) x * tw / w));
        sums[i] += luma;
        counts[i]++;
      }
    }
    float[] pixels = new float[tw * th];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = counts[i] == 0 ? 0f : (float) (sums[i] / counts[i]);
    }
    return new GrayImage(tw, th, pixels);
  }
}
