package io.idforge.identity.client;

import io.idforge.identity.api.accounts.AccountListResponse;
import io.idforge.identity.api.accounts.AccountResponse;
import io.idforge.identity.api.validations.EnrollmentListResponse;
import io.idforge.identity.api.validations.ValidationHistoryResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * {@code /v1/accounts}: create (form fields of Truora's "Create an Account ID"), read, list, and
 * an account's validation history and enrollments.
 */
@RegisterRestClient(configKey = IdentityClients.CONFIG_KEY)
@RegisterProvider(IdentityApiExceptionMapper.class)
@Path("/v1/accounts")
@Produces(MediaType.APPLICATION_JSON)
public interface AccountsClient {

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  AccountResponse create(@HeaderParam(IdentityClients.API_KEY_HEADER) String apiKey, Form form);

  @GET
  @Path("/{account_id}")
  AccountResponse get(
      @HeaderParam(IdentityClients.API_KEY_HEADER) String apiKey, @PathParam("account_id") String accountId);

  @GET
  AccountListResponse list(
      @HeaderParam(IdentityClients.API_KEY_HEADER) String apiKey, @QueryParam("start_key") String startKey);

  /** The account's validations, newest first (backend key). */
  @GET
  @Path("/{account_id}/validations")
  ValidationHistoryResponse validations(
      @HeaderParam(IdentityClients.API_KEY_HEADER) String apiKey,
      @PathParam("account_id") String accountId,
      @QueryParam("start_key") String startKey);

  /** The account's enrollments, newest first (backend key). */
  @GET
  @Path("/{account_id}/enrollments")
  EnrollmentListResponse enrollments(
      @HeaderParam(IdentityClients.API_KEY_HEADER) String apiKey, @PathParam("account_id") String accountId);
}
