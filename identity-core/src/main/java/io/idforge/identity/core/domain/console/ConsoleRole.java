package io.idforge.identity.core.domain.console;

import java.util.Locale;

/**
 * What a console user may do. {@code OPERATOR} runs the service across tenants; the others belong
 * to one tenant: {@code ADMIN} everything of it, {@code REVIEWER} the queue and process detail,
 * {@code AUDITOR} read-only with the audit trail. The lower-case name is the Jakarta Security group.
 */
public enum ConsoleRole {
  OPERATOR,
  ADMIN,
  REVIEWER,
  AUDITOR;

  public String group() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ConsoleRole fromGroup(String group) {
    return valueOf(group.trim().toUpperCase(Locale.ROOT));
  }
}
