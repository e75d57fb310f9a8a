package io.idforge.identity.web.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.ejb.Schedule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency direction of the modules, enforced on the compiled classes: api ← core ←
 * persistence, api ← core ← face (the face engine adapter) and api ← core ← web; web never
 * reaching persistence or face (both are runtime-only adapters), core never reaching a wire DTO.
 * The build fails when a class breaks it.
 */
class LayeringTest {

  static final String API_DTOS_PATTERN = "io.idforge.identity.api.(apikeys|accounts|flows|processes|common|hooks|validations|reviews)..";

  static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.idforge.identity");
    // Guard against a rule passing vacuously because a module was not on the classpath.
    for (String module : new String[] {"api", "core", "persistence", "face", "web"}) {
      String pkg = "io.idforge.identity." + module;
      assertTrue(classes.stream().anyMatch(c -> c.getPackageName().startsWith(pkg)), "no classes of " + pkg);
    }
  }

  @Test
  void webNeverImportsPersistenceOrTheFaceEngine() {
    noClasses().that().resideInAPackage("io.idforge.identity.web..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "io.idforge.identity.persistence..", "io.idforge.identity.face..")
        .check(classes);
  }

  @Test
  void faceEngineReachesOnlyApiAndCore() {
    noClasses().that().resideInAPackage("io.idforge.identity.face..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "io.idforge.identity.web..", "io.idforge.identity.persistence..")
        .check(classes);
  }

  @Test
  void coreNeverImportsWebPersistenceOrWireDtos() {
    noClasses().that().resideInAPackage("io.idforge.identity.core..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "io.idforge.identity.web..", "io.idforge.identity.persistence..", "io.idforge.identity.face..")
        .check(classes);
    noClasses().that().resideInAPackage("io.idforge.identity.core..")
        .should().dependOnClassesThat().resideInAPackage(API_DTOS_PATTERN)
        .check(classes);
  }

  @Test
  void apiDependsOnNoOtherModule() {
    noClasses().that().resideInAPackage("io.idforge.identity.api..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "io.idforge.identity.core..", "io.idforge.identity.persistence..", "io.idforge.identity.face..",
            "io.idforge.identity.web..")
        .check(classes);
  }

  /** identity-client is for other applications: the wire DTOs, JAX-RS and the Rest Client API only. */
  @Test
  void clientReachesOnlyTheApi() {
    noClasses().that().resideInAPackage("io.idforge.identity.client..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "io.idforge.identity.core..", "io.idforge.identity.persistence..", "io.idforge.identity.face..",
            "io.idforge.identity.web..")
        .check(classes);
    noClasses().that().resideOutsideOfPackages("io.idforge.identity.client..", "io.idforge.identity.web.it..")
        .should().dependOnClassesThat().resideInAPackage("io.idforge.identity.client..")
        .check(classes);
  }

  @Test
  void persistenceNeverImportsWeb() {
    noClasses().that().resideInAPackage("io.idforge.identity.persistence..")
        .should().dependOnClassesThat().resideInAPackage("io.idforge.identity.web..")
        .check(classes);
  }

  /** Persistent EJB timers live only in Hazelcast on Payara Micro and stop after a fail-over. */
  @Test
  void scheduledTimersAreNeverPersistent() {
    methods().that().areAnnotatedWith(Schedule.class)
        .should(new ArchCondition<JavaMethod>("declare @Schedule(persistent = false)") {
          @Override
          public void check(JavaMethod method, ConditionEvents events) {
            boolean persistent = method.getAnnotationOfType(Schedule.class).persistent();
            events.add(new SimpleConditionEvent(method, !persistent, method.getFullName() + " uses a persistent timer"));
          }
        })
        .allowEmptyShould(true)
        .check(classes);
  }
}
