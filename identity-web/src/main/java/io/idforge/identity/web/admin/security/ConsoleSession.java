package io.idforge.identity.web.admin.security;

import io.idforge.identity.core.application.console.ConsoleActor;
import io.idforge.identity.core.domain.console.ConsoleRole;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is signed in, kept in the HTTP session under {@link #ATTRIBUTE}. An operator additionally
 * chooses the tenant to look at; everybody else is fixed to their own tenant, whatever a URL says.
 */
public final class ConsoleSession implements Serializable {

  private static final long serialVersionUID = 1L;

  public static final String ATTRIBUTE = ConsoleSession.class.getName();

  /** Idle time after which a console session ends (the hosted flow keeps the container's longer default). */
  public static final int IDLE_SECONDS = 30 * 60;

  private final String username;
  private final String ownClientId;
  private final EnumSet<ConsoleRole> roles;
  private volatile String chosenClientId;

  public ConsoleSession(String username, String ownClientId, Set<ConsoleRole> roles) {
    this.username = username;
    this.ownClientId = ownClientId;
    this.roles = roles.isEmpty() ? EnumSet.noneOf(ConsoleRole.class) : EnumSet.copyOf(roles);
  }

  public static Optional<ConsoleSession> of(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session == null ? Optional.empty()
        : Optional.ofNullable((ConsoleSession) session.getAttribute(ATTRIBUTE));
  }

  public String username() {
    return username;
  }

  public Set<String> groups() {
    return roles.stream().map(ConsoleRole::group).collect(Collectors.toSet());
  }

  public boolean isOperator() {
    return roles.contains(ConsoleRole.OPERATOR);
  }

  /** The tenant in view: an operator's choice, otherwise the user's own. */
  public String clientId() {
    return isOperator() ? chosenClientId : ownClientId;
  }

  public void choose(String clientId) {
    if (!isOperator()) {
      throw new IllegalStateException("only operators switch tenants");
    }
    this.chosenClientId = clientId;
  }

  public ConsoleActor actor(String sourceIp) {
    return new ConsoleActor(username, clientId(), roles, sourceIp);
  }
}
