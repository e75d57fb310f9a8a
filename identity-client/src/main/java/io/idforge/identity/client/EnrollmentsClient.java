package io.idforge.identity.client;

import io.idforge.identity.api.validations.EnrollmentResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * {@code /v1/enrollments}: a face reference photo (answered with its {@code file_upload_link}),
 * a phone or an e-mail of an account; backend or sdk key. An account's enrollments and validation
 * history are on {@link AccountsClient}.
 */
@RegisterRestClient(configKey = IdentityClients.CONFIG_KEY)
@RegisterProvider(IdentityApiExceptionMapper.class)
@Path("/v1/enrollments")
@Produces(MediaType.APPLICATION_JSON)
public interface EnrollmentsClient {

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  EnrollmentResponse create(@HeaderParam(IdentityClients.API_KEY_HEADER) String apiKey, Form form);

  @GET
  @Path("/{enrollment_id}")
  EnrollmentResponse get(
      @HeaderParam(IdentityClients.API_KEY_HEADER) String apiKey, @PathParam("enrollment_id") String enrollmentId);
}
