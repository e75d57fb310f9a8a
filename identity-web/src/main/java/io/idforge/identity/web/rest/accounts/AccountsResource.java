package io.idforge.identity.web.rest.accounts;

import io.idforge.identity.api.validations.EnrollmentListResponse;
import io.idforge.identity.api.validations.ValidationHistoryResponse;
import io.idforge.identity.core.application.validations.EnrollmentService;
import io.idforge.identity.web.rest.validations.EnrollmentsResource;
import io.idforge.identity.core.application.validations.ValidationService;
import io.idforge.identity.web.rest.media.MediaLinks;
import io.idforge.identity.web.rest.processes.ProcessMapper;
import io.idforge.identity.api.accounts.AccountListResponse;
import io.idforge.identity.api.accounts.AccountResponse;
import io.idforge.identity.api.accounts.CreateAccountForm;
import io.idforge.identity.core.application.AccountService;
import io.idforge.identity.core.domain.account.Account;
import io.idforge.identity.core.domain.account.AccountProfile;
import io.idforge.identity.web.rest.Links;
import io.idforge.identity.web.rest.security.CallerContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /v1/accounts}: Truora's "Create an Account ID", lookup and cursor listing. */
@Tag(name = "accounts", description = "End users' accounts (ACC... or your own ids)")
@Path("accounts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AccountsResource {

  static final int PAGE_SIZE = 20;

  @Inject AccountService accounts;

  @Inject CallerContext callerContext;

  @Inject ValidationService validations;

  @Inject EnrollmentService enrollments;

  @Inject MediaLinks mediaLinks;

  @Context UriInfo uriInfo;

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(operationId = "createAccount", summary = "Create an account (Truora's Create an Account ID)")
  @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
      schema = @Schema(ref = "CreateAccountForm")))
  @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Account")))
  @APIResponse(responseCode = "400", ref = "InvalidRequest")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "500", ref = "InternalError")
  public Response create(MultivaluedMap<String, String> form) {
    CreateAccountForm f = CreateAccountForm.parse(form);
    AccountProfile profile =
        new AccountProfile(
            f.email(), f.country(), f.documentNumber(),
            f.documentType() == null ? null : f.documentType().wireValue(),
            f.documentIssueDate(), f.firstName(), f.lastName(), f.phoneNumber(), f.facebookUser(), f.twitterUser());
    Account created = accounts.create(callerContext.caller(), f.accountId(), profile);
    return Response.status(Response.Status.CREATED).entity(toResponse(created)).build();
  }

  @GET
  @Path("{account_id}")
  @Operation(operationId = "getAccount", summary = "An account")
  @APIResponse(responseCode = "200", description = "The account", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Account")))
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "500", ref = "InternalError")
  public AccountResponse get(@Parameter(description = "ACC... or your own id", example = "customer-42", required = true) @PathParam("account_id") String accountId) {
    return toResponse(accounts.get(callerContext.caller(), accountId));
  }

  @GET
  @Operation(operationId = "listAccounts", summary = "The tenant's accounts")
  @APIResponse(responseCode = "200", description = "A page of accounts", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AccountList")))
  @APIResponse(responseCode = "400", ref = "InvalidRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "500", ref = "InternalError")
  public AccountListResponse list(@Parameter(description = "Cursor from the previous page's next link") @QueryParam("start_key") String startKey) {
    var page = accounts.list(callerContext.caller(), startKey, PAGE_SIZE);
    return new AccountListResponse(
        page.items().stream().map(AccountsResource::toResponse).toList(),
        Links.next(uriInfo, page.nextKey()),
        Links.self(uriInfo));
  }

  /** The account's validations, newest first: {@code {history:[…], next, self}}. */
  @GET
  @Path("{account_id}/validations")
  @Operation(operationId = "listAccountValidations", summary = "The validations of an account, newest first (20 per page)")
  @APIResponse(responseCode = "200", description = "A page of validations", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ValidationHistory")))
  @APIResponse(responseCode = "400", ref = "InvalidRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "500", ref = "InternalError")
  public ValidationHistoryResponse validations(
      @Parameter(description = "ACC... or your own id", example = "customer-42", required = true) @PathParam("account_id") String accountId,
      @Parameter(description = "Cursor from the previous page's next link") @QueryParam("start_key") String startKey) {
    var page = validations.listByAccount(callerContext.caller(), accountId, startKey, PAGE_SIZE);
    return new ValidationHistoryResponse(
        page.items().stream().map(v -> ProcessMapper.toResponse(v, mediaLinks)).toList(),
        Links.next(uriInfo, page.nextKey()),
        Links.self(uriInfo));
  }

  /** The account's enrollments, newest first. */
  @GET
  @Path("{account_id}/enrollments")
  @Operation(operationId = "listAccountEnrollments", summary = "The enrollments of an account, newest first")
  @APIResponse(responseCode = "200", description = "The enrollments", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "EnrollmentList")))
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "500", ref = "InternalError")
  public EnrollmentListResponse enrollments(
      @Parameter(description = "ACC... or your own id", example = "customer-42", required = true) @PathParam("account_id") String accountId) {
    return new EnrollmentListResponse(
        enrollments.listByAccount(callerContext.caller(), accountId).stream()
            .map(e -> EnrollmentsResource.toResponse(e, null))
            .toList(),
        Links.self(uriInfo));
  }

  static AccountResponse toResponse(Account a) {
    return new AccountResponse(
        a.accountId(), a.country(), a.createdAt(), a.documentType(), a.email(), a.firstName(), a.lastName(),
        a.documentNumber(), a.phoneNumber(), AccountResponse.noValidatorsPrepared());
  }
}
