package io.idforge.identity.web.browser;

import static io.idforge.identity.core.fixtures.PublicDomainPortraits.GRACE_HOPPER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.idforge.identity.face.eval.EngineBinding;
import io.idforge.identity.face.eval.LivenessEvaluation;
import io.idforge.identity.face.eval.SubjectFace;
import io.idforge.identity.face.eval.SubjectSources;
import io.idforge.identity.face.eval.SyntheticHeadMotion;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * Active liveness in the hosted flow, end to end: Chromium's camera is replaced by a canvas
 * stream (injected before the page's scripts) that shows, for whatever the page currently asks
 * ({@code #liveness[data-current]}), a synthetic pose of Grace Hopper's portrait made with the face
 * engine's landmarks ({@link SyntheticHeadMotion}); the page records its burst, posts it, and the
 * result shows {@code liveness_status} and {@code actions_status}. The same page with a still
 * photo in every frame is declined {@code liveness_verification_not_passed}. Screenshots under
 * {@code target/browser-screenshots/<test>/}.
 */
class LivenessBrowserIT extends BrowserSupport {

  static final String LIVE_FACE =
      "{\"type\":\"face-recognition\",\"config\":{\"liveness_type\":\"active\",\"liveness_fallback\":\"decline\"}}";

  /** Grace Hopper's poses as JPEG data URLs, keyed by action (and {@code straight}). */
  private static Map<String, String> poses(boolean still) throws Exception {
    Optional<EngineBinding> engine = EngineBinding.open();
    assumeTrue(engine.isPresent(), () -> "face engine unavailable: " + EngineBinding.unavailableReason());
    try (EngineBinding b = engine.get()) {
      // Grace Hopper, levelled like every subject of the evaluation; her open mouth is the
      // generator's (jaw dropped, teeth, shaded inside: docs/liveness-evaluation.md). Every
      // challenge asks for an open mouth, so the burst needs one.
      SubjectFace subject = SubjectSources.portraits(GRACE_HOPPER.file().getParent()).get(1);
      LivenessEvaluation eval = new LivenessEvaluation(b.engine());
      LivenessEvaluation.Subject s = eval.prepare(List.of(subject), 1, new ArrayList<>()).get(0);
      SyntheticHeadMotion m = new SyntheticHeadMotion(s.neutral(), s.landmarks());
      Map<String, BufferedImage> images = new LinkedHashMap<>();
      images.put("straight", s.neutral());
      images.put("look-left", still ? s.neutral() : m.turn(25, 0));
      images.put("look-right", still ? s.neutral() : m.turn(-25, 0));
      images.put("look-up", still ? s.neutral() : m.turn(0, 24));
      images.put("look-down", still ? s.neutral() : m.turn(0, -24));
      images.put("open-mouth", still ? s.neutral() : m.openMouth(0.45));
      Map<String, String> urls = new LinkedHashMap<>();
      images.forEach((k, v) -> urls.put(k, "data:image/jpeg;base64,"
          + Base64.getEncoder().encodeToString(LivenessEvaluation.jpeg(v, 0.92f))));
      return urls;
    }
  }

  /** Replaces getUserMedia by a 480×640 canvas stream showing the pose the page asks for. */
  private void injectCamera(Map<String, String> poses) {
    StringBuilder js = new StringBuilder("(function(){var src={");
    poses.forEach((k, v) -> js.append('"').append(k).append("\":\"").append(v).append("\","));
    js.append("};var imgs={};Object.keys(src).forEach(function(k){var i=new Image();i.src=src[k];imgs[k]=i;});")
        .append("if(!navigator.mediaDevices){return;}")
        .append("navigator.mediaDevices.getUserMedia=function(){")
        .append("var c=document.createElement('canvas');c.width=480;c.height=640;var g=c.getContext('2d');")
        .append("function draw(){var box=document.getElementById('liveness');var k=box&&box.dataset.current;")
        .append("var img=imgs[k]||imgs.straight;if(img.complete){g.drawImage(img,0,0,480,640);}}")
        .append("draw();setInterval(draw,40);return Promise.resolve(c.captureStream(25));};})();");
    ((ChromeDriver) browser).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", js.toString()));
  }

  /** A document + liveness face flow, the cédula sent, the burst recorded: the face validation. */
  private JsonObject recordBurst(boolean still) throws Exception {
    Map<String, String> poses = poses(still);
    String flowId = createFlow(HostedFlowIT.flow("Browser liveness", HostedFlowIT.document(null), LIVE_FACE));
    startBrowser("en");
    injectCamera(poses);
    openLink(mintToken(flowId), null);
    new Select(browser.findElement(By.id("document:country"))).selectByValue("CO");
    new Select(browser.findElement(By.id("document:type"))).selectByValue("national-id");
    upload("document:front", images.front(GRACE_HOPPER));
    upload("document:back", images.back("19880621"));
    click("document:upload-document");
    WebElement box = waitFor(By.id("liveness"));
    String asked = box.getAttribute("data-actions");
    screenshot("actions-listed");
    click("liveness-start");
    // The recording has moved past the neutral frames (or the page has already been sent).
    patiently(Duration.ofSeconds(30)).until(whilePageReplaced(d -> {
      List<WebElement> live = d.findElements(By.id("liveness"));
      String current = live.isEmpty() ? "sent" : live.get(0).getAttribute("data-current");
      return current != null && !"straight".equals(current) ? current : null;
    }));
    screenshot("recording");
    WebElement outcome = patiently(Duration.ofSeconds(120)).until(
        whilePageReplaced(d -> d.findElements(By.id("outcome")).stream().findFirst().orElse(null)));
    screenshot("outcome");
    JsonObject result = result(processId());
    JsonObject face = validation(result, "face-recognition");
    JsonArray actions = face.getJsonObject("details").getJsonObject("face_recognition_validations")
        .getJsonArray("actions_status");
    List<String> reported = new ArrayList<>();
    actions.forEach(a -> reported.add(a.asJsonObject().getString("action")));
    assertEquals(List.of(asked.split(",")), reported, "the asked actions, in order");
    assertEquals(still ? "failure" : "success", outcome.getAttribute("data-status"));
    return face;
  }

  @Test
  void aSyntheticHeadTurnSequencePassesLiveness() throws Exception {
    JsonObject face = recordBurst(false);
    JsonObject details = face.getJsonObject("details").getJsonObject("face_recognition_validations");
    assertEquals("success", face.getString("validation_status"), face::toString);
    assertEquals("success", details.getString("liveness_status"));
    details.getJsonArray("actions_status")
        .forEach(a -> assertEquals("success", a.asJsonObject().getString("status"), a::toString));
    assertEquals("success", details.getString("similarity_status"));
  }

  @Test
  void aStillPhotoFailsLiveness() throws Exception {
    JsonObject face = recordBurst(true);
    assertEquals("failure", face.getString("validation_status"), face::toString);
    assertEquals("liveness_verification_not_passed", face.getString("declined_reason"));
    JsonObject details = face.getJsonObject("details").getJsonObject("face_recognition_validations");
    assertEquals("failure", details.getString("liveness_status"));
    details.getJsonArray("actions_status")
        .forEach(a -> assertEquals("failure", a.asJsonObject().getString("status"), a::toString));
  }
}
