package io.idforge.identity.face.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The converted ONNX graphs reproduce face-api's own TF.js networks: same formula-defined
 * inputs, raw outputs compared with those recorded by tools/face-reference (tfjs wasm backend).
 * All reference cases run as one batch, which also exercises the dynamic batch dimension.
 */
class ConvertedModelsTest {

  /** Float32 reordering noise between two runtimes is ~1e-7; a wrong layout or padding is >1e-2. */
  private static final double TOLERANCE = 1e-5;

  @Test
  void landmarkNetMatchesFaceApi() throws Exception {
    double maxDiff = compare(ModelBuilder.LANDMARKS, "landmarks68.json", "input", 112, 136);
    System.out.printf("landmarks68.onnx vs face-api: max |diff| = %.3g%n", maxDiff);
  }

  @Test
  void descriptorNetMatchesFaceApi() throws Exception {
    double maxDiff = compare(ModelBuilder.DESCRIPTOR, "descriptor.json", "input", 150, 128);
    System.out.printf("descriptor.onnx vs face-api: max |diff| = %.3g%n", maxDiff);
  }

  private double compare(String model, String reference, String input, int size, int outputs)
      throws Exception {
    JsonObject ref = readReference(reference);
    assertEquals(size, ref.getInt("inputSize"));
    List<String> formulas = new ArrayList<>();
    List<float[]> expected = new ArrayList<>();
    for (JsonValue c : ref.getJsonArray("cases")) {
      JsonObject testCase = c.asJsonObject();
      formulas.add(testCase.getString("formula"));
      float[] values = new float[outputs];
      List<JsonNumber> numbers = testCase.getJsonArray("output").getValuesAs(JsonNumber.class);
      assertEquals(outputs, numbers.size());
      for (int i = 0; i < outputs; i++) {
        values[i] = (float) numbers.get(i).doubleValue();
      }
      expected.add(values);
    }
    byte[] onnx = Files.readAllBytes(BuiltModels.dir().resolve(model));
    float[] actual = OrtRunner.run(onnx, input, FormulaImages.normalisedBatch(formulas, size),
        formulas.size(), 3, size, size);
    assertEquals(formulas.size() * outputs, actual.length);

    double maxDiff = 0;
    for (int n = 0; n < formulas.size(); n++) {
      double caseMax = 0;
      for (int i = 0; i < outputs; i++) {
        caseMax = Math.max(caseMax, Math.abs(actual[n * outputs + i] - expected.get(n)[i]));
      }
      assertTrue(caseMax < TOLERANCE, model + " on " + formulas.get(n) + ": max |diff| " + caseMax);
      maxDiff = Math.max(maxDiff, caseMax);
    }
    return maxDiff;
  }

  private JsonObject readReference(String name) throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/face-reference/" + name);
        JsonReader reader = Json.createReader(in)) {
      return reader.readObject();
    }
  }
}
