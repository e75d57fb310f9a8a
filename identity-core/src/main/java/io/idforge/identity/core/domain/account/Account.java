package io.idforge.identity.core.domain.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * The person a tenant validates, under the tenant's own id (matching {@code [a-zA-Z0-9_.-]+}) or
 * a generated {@code ACC…}. Account ids are unique per tenant, not globally: two tenants may both
 * have a customer called {@code 42}.
 */
@Entity
@Table(name = "account")
public class Account {

  @Id
  @SequenceGenerator(name = "account_seq", sequenceName = "account_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_seq")
  private Long id;

  @Column(name = "client_id", length = 40, nullable = false, updatable = false)
  private String clientId;

  @Column(name = "account_id", length = 100, nullable = false, updatable = false)
  private String accountId;

  @Column(name = "email", length = 254)
  private String email;

  @Column(name = "country", length = 3)
  private String country;

  @Column(name = "document_number", length = 40)
  private String documentNumber;

  @Column(name = "document_type", length = 30)
  private String documentType;

  @Column(name = "document_issue_date")
  private LocalDate documentIssueDate;

  @Column(name = "first_name", length = 100)
  private String firstName;

  @Column(name = "last_name", length = 100)
  private String lastName;

  @Column(name = "phone_number", length = 20)
  private String phoneNumber;

  @Column(name = "facebook_user", length = 100)
  private String facebookUser;

  @Column(name = "twitter_user", length = 100)
  private String twitterUser;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  protected Account() {}

  public Account(String clientId, String accountId, AccountProfile profile, OffsetDateTime now) {
    this.clientId = clientId;
    this.accountId = accountId;
    this.createdAt = now;
    if (profile != null) {
      this.email = profile.email();
      this.country = profile.country();
      this.documentNumber = profile.documentNumber();
      this.documentType = profile.documentType();
      this.documentIssueDate = profile.documentIssueDate();
      this.firstName = profile.firstName();
      // Truora returns last names upper-cased.
      this.lastName = profile.lastName() == null ? null : profile.lastName().toUpperCase(Locale.ROOT);
      this.phoneNumber = profile.phoneNumber();
      this.facebookUser = profile.facebookUser();
      this.twitterUser = profile.twitterUser();
    }
  }

  /**
   * Stores where the account's one-time codes go (a phone or e-mail enrollment); null keeps the
   * current value.
   */
  public void enrol(String newEmail, String newPhoneNumber) {
    if (newEmail != null) {
      email = newEmail;
    }
    if (newPhoneNumber != null) {
      phoneNumber = newPhoneNumber;
    }
  }

  public Long id() {
    return id;
  }

  public String clientId() {
    return clientId;
  }

  public String accountId() {
    return accountId;
  }

  public String email() {
    return email;
  }

  public String country() {
    return country;
  }

  public String documentNumber() {
    return documentNumber;
  }

  public String documentType() {
    return documentType;
  }

  public LocalDate documentIssueDate() {
    return documentIssueDate;
  }

  public String firstName() {
    return firstName;
  }

  public String lastName() {
    return lastName;
  }

  public String phoneNumber() {
    return phoneNumber;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }
}
