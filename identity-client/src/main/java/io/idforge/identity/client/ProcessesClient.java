package io.idforge.identity.client;

import io.idforge.identity.api.processes.ProcessListResponse;
import io.idforge.identity.api.processes.ProcessResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** {@code /v1/processes}: start (with a web token), read, read the result, list. */
@RegisterRestClient(configKey = IdentityClients.CONFIG_KEY)
@RegisterProvider(IdentityApiExceptionMapper.class)
@Path("/v1/processes")
@Produces(MediaType.APPLICATION_JSON)
public interface ProcessesClient {

  /** Starts or resumes the process of {@code webToken} (a custom front end's call). */
  @POST
  ProcessResponse start(@HeaderParam(IdentityClients.API_KEY_HEADER) String webToken);

  @GET
  @Path("/{process_id}")
  ProcessResponse get(
      @HeaderParam(IdentityClients.API_KEY_HEADER) String apiKey, @PathParam("process_id") String processId);

  @GET
  @Path("/{process_id}/result")
  ProcessResponse result(
      @HeaderParam(IdentityClients.API_KEY_HEADER) String apiKey, @PathParam("process_id") String processId);

  /** Null filters are left out; dates are ISO-8601 with offset. */
  @GET
  ProcessListResponse list(
      @HeaderParam(IdentityClients.API_KEY_HEADER) String apiKey,
      @QueryParam("status") String status,
      @QueryParam("failure_status") String failureStatus,
      @QueryParam("declined_reason") List<String> declinedReasons,
      @QueryParam("start_date") String startDate,
      @QueryParam("end_date") String endDate,
      @QueryParam("search") String search,
      @QueryParam("start_key") String startKey);
}
