package io.idforge.identity.core.application.validations;

import io.idforge.identity.core.domain.flow.StepType;

/**
 * A parsed {@code POST /v1/validations}: the wire form, already checked field by field, as core
 * sees it. Null means "not given".
 *
 * @param type the validator
 * @param accountId the account (required except for documents, which get an {@code ACC…})
 * @param country the document's country (documents)
 * @param documentType the document type (documents)
 * @param threshold the similarity threshold (faces)
 * @param timeoutSeconds how long the validation waits for its input
 * @param retryOfId a failed validation of the same account and type this one retries
 * @param allowedRetries retries of a new chain (stands in for Truora's validator config)
 * @param language the code message's language (e-mail)
 * @param phoneNumber where to send the code, E.164 (phone; else the account's)
 * @param email where to send the code (e-mail; else the account's)
 */
public record ValidationRequest(
    StepType type,
    String accountId,
    String country,
    String documentType,
    Double threshold,
    Integer timeoutSeconds,
    String retryOfId,
    Integer allowedRetries,
    String language,
    String phoneNumber,
    String email) {}
