package io.idforge.identity.face.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairsFileTest {

  @TempDir Path dir;

  @Test
  void roundTripsWithSubjects() throws IOException {
    List<LabelledPair> pairs =
        List.of(
            new LabelledPair("s/1.jpg", "d/1.jpg", Label.GENUINE, Optional.of("0001")),
            new LabelledPair("s/1.jpg", "d/2.jpg", Label.IMPOSTOR, Optional.empty()));
    PairsFile.write(dir, pairs);
    assertEquals(pairs, PairsFile.read(dir));
  }

  @Test
  void readsColumnsByNameInAnyOrderSkippingCommentsAndBlankLines() throws IOException {
    Files.writeString(
        dir.resolve("pairs.csv"),
        "\uFEFF# exported 2026-01-01\nLabel, Right ,left,notes\n\nimpostor,b.png,a.png,x\n"
            + "GENUINE,a2.png,a.png,\n");
    List<LabelledPair> pairs = PairsFile.read(dir);
    assertEquals(
        List.of(
            new LabelledPair("a.png", "b.png", Label.IMPOSTOR, Optional.empty()),
            new LabelledPair("a.png", "a2.png", Label.GENUINE, Optional.empty())),
        pairs);
  }

  @Test
  void namesTheLineOfABadLabel() throws IOException {
    Files.writeString(dir.resolve("pairs.csv"), "left,right,label\na,b,genuine\na,c,same\n");
    IOException e = assertThrows(IOException.class, () -> PairsFile.read(dir));
    assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    assertTrue(e.getMessage().contains("genuine or impostor"), e.getMessage());
  }

  @Test
  void rejectsAMissingColumnAndPathsLeavingTheFolder() throws IOException {
    Files.writeString(dir.resolve("pairs.csv"), "left,label\na,genuine\n");
    assertTrue(assertThrows(IOException.class, () -> PairsFile.read(dir)).getMessage()
        .contains("'right'"));
    Files.writeString(dir.resolve("pairs.csv"), "left,right,label\n../a.jpg,b.jpg,genuine\n");
    assertTrue(assertThrows(IOException.class, () -> PairsFile.read(dir)).getMessage()
        .contains("inside the pairs folder"));
    Files.writeString(dir.resolve("pairs.csv"), "left,right,label\n/etc/a.jpg,b.jpg,genuine\n");
    assertThrows(IOException.class, () -> PairsFile.read(dir));
  }
}
