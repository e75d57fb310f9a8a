package io.idforge.identity.web.hosted;

import java.util.regex.Pattern;

/**
 * Whether a browser is a desktop one, from its User-Agent: phones and tablets say so ("Mobi",
 * Android, iPhone, iPad). The page adds a CSS check on the pointer, so a desktop-looking browser
 * on a touch screen does not get the offer either.
 */
final class Devices {

  private static final Pattern HANDHELD =
      Pattern.compile("(?i)mobi|android|iphone|ipad|ipod|windows phone|silk|kindle|opera mini");

  private Devices() {}

  static boolean isDesktop(String userAgent) {
    return userAgent != null && !userAgent.isBlank() && !HANDHELD.matcher(userAgent).find();
  }
}
