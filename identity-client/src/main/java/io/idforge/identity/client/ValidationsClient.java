package io.idforge.identity.client;

import io.idforge.identity.api.processes.ValidationResponse;
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
 * {@code /v1/validations} (Truora's validators API): create a validation (form fields of
 * Truora's "Create Validation", e.g. {@link ValidationForms#document}), poll it, submit a
 * one-time code. {@code apiKey} is a backend key or an sdk key (standalone validations), or a web
 * integration token (the current step of its process). The files go to the signed links of
 * {@code instructions} through {@link UploadsClient}.
 */
@RegisterRestClient(configKey = IdentityClients.CONFIG_KEY)
@RegisterProvider(IdentityApiExceptionMapper.class)
@Path("/v1/validations")
@Produces(MediaType.APPLICATION_JSON)
public interface ValidationsClient {

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  ValidationResponse create(@HeaderParam(IdentityClients.API_KEY_HEADER) String apiKey, Form form);

  /** @param showDetails "true" for details and image links; null for the brief answer */
  @GET
  @Path("/{validation_id}")
  ValidationResponse get(
      @HeaderParam(IdentityClients.API_KEY_HEADER) String apiKey,
      @PathParam("validation_id") String validationId,
      @QueryParam("show_details") String showDetails);

  /** Truora's "Perform validation" for e-mail and phone codes: form {@code type} and {@code token}. */
  @POST
  @Path("/{validation_id}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  ValidationResponse submitCode(
      @HeaderParam(IdentityClients.API_KEY_HEADER) String apiKey,
      @PathParam("validation_id") String validationId,
      Form form);
}
