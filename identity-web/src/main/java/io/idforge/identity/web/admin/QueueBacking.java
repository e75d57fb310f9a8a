package io.idforge.identity.web.admin;

import io.idforge.identity.core.application.console.ConsoleReviews;
import io.idforge.identity.core.domain.review.ReviewTask;
import io.idforge.identity.core.domain.shared.Page;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.OffsetDateTime;

/** The review queue: open tasks oldest first with their deadline, age and who holds them. */
@Named
@RequestScoped
public class QueueBacking {

  static final int PAGE_SIZE = 50;

  @Inject ConsoleContext console;

  @Inject ConsoleReviews reviews;

  private String startKey;
  private Page<ReviewTask> page;

  public Page<ReviewTask> getPage() {
    if (page == null) {
      page = console.getClientId() == null ? new Page<>(java.util.List.of(), null)
          : reviews.queue(console.actor(), startKey == null || startKey.isBlank() ? null : startKey, PAGE_SIZE);
    }
    return page;
  }

  /** How long a task has waited, in whole minutes. */
  public long ageMinutes(ReviewTask task) {
    return Duration.between(task.createdAt(), OffsetDateTime.now()).toMinutes();
  }

  public String getStartKey() {
    return startKey;
  }

  public void setStartKey(String startKey) {
    this.startKey = startKey;
  }
}
