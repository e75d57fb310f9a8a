package io.idforge.identity.core.domain.account;

import java.time.LocalDate;

/** Optional data a tenant knows about an account when it creates it. All fields may be null. */
public record AccountProfile(
    String email,
    String country,
    String documentNumber,
    String documentType,
    LocalDate documentIssueDate,
    String firstName,
    String lastName,
    String phoneNumber,
    String facebookUser,
    String twitterUser) {}
