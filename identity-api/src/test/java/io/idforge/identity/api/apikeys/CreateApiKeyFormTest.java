package io.idforge.identity.api.apikeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.api.error.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreateApiKeyFormTest {

  private static final String FLOW = "IPF7e6d5c4b3a29180f7e6d5c4b3a291801";

  /** A form from key/value pairs; a repeated key adds a value. */
  static Map<String, List<String>> form(String... kv) {
    Map<String, List<String>> f = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      f.computeIfAbsent(kv[i], k -> new ArrayList<>()).add(kv[i + 1]);
    }
    return f;
  }

  /** The WIT guide's web token request plus extra pairs. */
  static Map<String, List<String>> web(String... extra) {
    Map<String, List<String>> f =
        form(
            "key_type", "web",
            "grant", "digital-identity",
            "api_key_version", "1",
            "country", "ALL",
            "redirect_url", "https://shop.example.com/kyc/done",
            "flow_id", FLOW,
            "account_id", "user-42");
    form(extra).forEach((k, v) -> f.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
    return f;
  }

  static Map<String, List<String>> without(Map<String, List<String>> f, String key) {
    f.remove(key);
    return f;
  }

  static InvalidInputException rejects(Map<String, List<String>> f) {
    return assertThrows(InvalidInputException.class, () -> CreateApiKeyForm.parse(f));
  }

  static void assertRejected(Map<String, List<String>> f, String field, String message) {
    InvalidInputException e = rejects(f);
    assertEquals(field, e.field());
    assertEquals(message, e.getMessage());
  }

  // ---- happy paths ----

  @Test
  void parsesTheWitGuideRequest() {
    CreateApiKeyForm f = CreateApiKeyForm.parse(web());
    assertEquals(KeyType.WEB, f.keyType());
    assertEquals(Grant.DIGITAL_IDENTITY, f.grant());
    assertEquals(1, f.apiKeyVersion());
    assertEquals("ALL", f.country());
    assertEquals("https://shop.example.com/kyc/done", f.redirectUrl());
    assertEquals(FLOW, f.flowId());
    assertEquals("user-42", f.accountId());
    assertEquals(List.of(), f.phones());
    assertEquals(List.of(), f.emails());
    assertEquals(Map.of(), f.metadata());
    assertNull(f.documentType());
    assertNull(f.keyName());
    assertNull(f.billingHub());
  }

  @Test
  void parsesEveryOptionalField() {
    CreateApiKeyForm f =
        CreateApiKeyForm.parse(
            web(
                "document_type", "passport",
                "key_name", "web onboarding",
                "billing_hub", "hub-north",
                "phone", "+573101234567",
                "emails", "Ana@Example.COM"));
    assertEquals(DocumentType.PASSPORT, f.documentType());
    assertEquals("web onboarding", f.keyName());
    assertEquals("hub-north", f.billingHub());
    assertEquals(List.of("+573101234567"), f.phones());
    assertEquals(List.of("Ana@example.com"), f.emails());
  }

  @Test
  void apiKeyVersionDefaultsToOneAndAcceptsZeroToTwo() {
    assertEquals(1, CreateApiKeyForm.parse(without(web(), "api_key_version")).apiKeyVersion());
    for (int v = 0; v <= 2; v++) {
      Map<String, List<String>> f = web();
      f.put("api_key_version", List.of(Integer.toString(v)));
      assertEquals(v, CreateApiKeyForm.parse(f).apiKeyVersion());
    }
  }

  @Test
  void countryIsUpperCased() {
    Map<String, List<String>> f = web();
    f.put("country", List.of("co"));
    assertEquals("CO", CreateApiKeyForm.parse(f).country());
  }

  @Test
  void acceptsEveryListedCountry() {
    for (String c : CreateApiKeyForm.COUNTRIES) {
      Map<String, List<String>> f = web();
      f.put("country", List.of(c));
      assertEquals(c, CreateApiKeyForm.parse(f).country());
    }
  }

  @Test
  void valuesAreTrimmedAndBlankOptionalsAreAbsent() {
    Map<String, List<String>> f = web("document_type", " ", "billing_hub", "");
    f.put("account_id", List.of("  user-42  "));
    CreateApiKeyForm parsed = CreateApiKeyForm.parse(f);
    assertEquals("user-42", parsed.accountId());
    assertNull(parsed.documentType());
    assertNull(parsed.billingHub());
  }

  @Test
  void accountIdIsOptional() {
    assertNull(CreateApiKeyForm.parse(without(web(), "account_id")).accountId());
  }

  @Test
  void httpRedirectAndLenientFlowIdsAreAccepted() {
    Map<String, List<String>> f = web();
    f.put("redirect_url", List.of("http://localhost:8080/back?x=1#top"));
    f.put("flow_id", List.of("my-flow_v2.1"));
    CreateApiKeyForm parsed = CreateApiKeyForm.parse(f);
    assertEquals("http://localhost:8080/back?x=1#top", parsed.redirectUrl());
    assertEquals("my-flow_v2.1", parsed.flowId());
  }

  @Test
  void backendKeyNeedsOnlyKeyName() {
    CreateApiKeyForm f = CreateApiKeyForm.parse(form("key_type", "backend", "key_name", "ci"));
    assertEquals(KeyType.BACKEND, f.keyType());
    assertNull(f.grant());
    assertEquals("ci", f.keyName());
  }

  @Test
  void sdkKeyWithValidationsGrantNeedsNoFlow() {
    CreateApiKeyForm f =
        CreateApiKeyForm.parse(
            form(
                "key_type", "sdk",
                "grant", "validations",
                "api_key_version", "1",
                "key_name", "sdk_usage"));
    assertEquals(KeyType.SDK, f.keyType());
    assertEquals(Grant.VALIDATIONS, f.grant());
    assertNull(f.flowId());
  }

  @Test
  void generatorKeysGrantOnlyValidations() {
    for (String grant : List.of("digital-identity", "signals", "check")) {
      assertRejected(
          form("key_type", "generator", "grant", grant),
          "grant",
          "Invalid request: grant must be validations when key_type is generator");
    }
  }

  @Test
  void sdkAndGeneratorKeysRefuseTheFieldsOfAUserAndAFlow() {
    List<List<String>> fields =
        List.of(
            List.of("country", "ALL", "country"),
            List.of("redirect_url", "https://e.com/x", "redirect_url"),
            List.of("flow_id", "IPF1", "flow_id"),
            List.of("account_id", "a-1", "account_id"),
            List.of("document_type", "passport", "document_type"),
            List.of("phones[0]", "+573101234567", "phones"),
            List.of("emails", "ana@example.com", "emails"),
            List.of("start_variables.metadata.name", "juan", "start_variables.metadata"));
    for (List<String> f : fields) {
      assertRejected(
          form("key_type", "sdk", "grant", "validations", f.get(0), f.get(1)),
          f.get(2),
          "Invalid request: " + f.get(2)
              + " is only for grant digital-identity, not for sdk and generator keys of grant validations");
      assertRejected(
          form("key_type", "generator", f.get(0), f.get(1)),
          f.get(2),
          "Invalid request: " + f.get(2)
              + " is only for grant digital-identity, not for sdk and generator keys of grant validations");
    }
    // key_name and billing_hub stay allowed: Truora's SDK names its key sdk_usage.
    assertEquals(
        "hub-1",
        CreateApiKeyForm.parse(form("key_type", "sdk", "grant", "validations", "key_name", "sdk_usage", "billing_hub", "hub-1"))
            .billingHub());
  }

  @Test
  void generatorKeyIsAccepted() {
    assertEquals(
        KeyType.GENERATOR,
        CreateApiKeyForm.parse(form("key_type", "generator")).keyType());
  }

  // ---- phones ----

  @Test
  void phoneAsSingular() {
    assertEquals(
        List.of("+573101234567"),
        CreateApiKeyForm.parse(web("phone", "+57 310 123 4567")).phones());
  }

  @Test
  void anUnencodedPlusThatDecodedToASpaceIsRestored() {
    // curl -d phone=+573101234567 sends the '+' unencoded; the form decoder turns it into ' '.
    assertEquals(
        List.of("+573101234567", "+525512345678"),
        CreateApiKeyForm.parse(web("phone", " 573101234567", "phones", " 525512345678, 573101234567")).phones());
  }

  @Test
  void phonesAsPlural() {
    assertEquals(
        List.of("+573101234567"), CreateApiKeyForm.parse(web("phones", "+573101234567")).phones());
  }

  @Test
  void phonesWithBrackets() {
    assertEquals(
        List.of("+573101234567", "+525512345678"),
        CreateApiKeyForm.parse(web("phones[]", "+573101234567", "phones[]", "+525512345678"))
            .phones());
  }

  @Test
  void phonesIndexedAreOrderedByIndex() {
    assertEquals(
        List.of("+525512345678", "+573101234567", "+5511987654321"),
        CreateApiKeyForm.parse(
                web(
                    "phones[10]", "+5511987654321",
                    "phones[1]", "+573101234567",
                    "phones[0]", "+525512345678"))
            .phones());
  }

  @Test
  void phonesAsCommaListAreSplitAndDeduplicated() {
    assertEquals(
        List.of("+573101234567", "+525512345678"),
        CreateApiKeyForm.parse(
                web("phones", "+573101234567, +525512345678,,", "phone", "+573101234567"))
            .phones());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "+570000000000",
        "3001234567",
        "+57abc",
        "+57 310 123 4567 ext 9",
        "tel:+525512345678"
      })
  void invalidPhoneIsRejectedWithoutEchoingIt(String phone) {
    InvalidInputException e = rejects(web("phones", phone));
    assertEquals("phones", e.field());
    assertEquals(
        "Invalid request: phones contains an invalid phone number;"
            + " use +<country code><number>, e.g. +573101234567",
        e.getMessage());
    assertFalse(e.getMessage().contains(phone));
  }

  @Test
  void invalidPhoneUnderTheSingularAliasNamesPhones() {
    assertEquals("phones", rejects(web("phone", "+570000000000")).field());
  }

  @Test
  void atMostFivePhones() {
    assertRejected(
        web(
            "phones",
            "+573101234567,+573101234568,+573101234569,+573101234560,+573101234561,+573101234562"),
        "phones",
        "Invalid request: phones must have at most 5 entries");
  }

  @Test
  void repeatedIndexedPhoneIsRejected() {
    assertRejected(
        web("phones[0]", "+573101234567", "phones[0]", "+525512345678"),
        "phones[0]",
        "Invalid request: phones[0] must be given only once");
  }

  // ---- emails ----

  @Test
  void emailVariantsAreCollectedInOrder() {
    CreateApiKeyForm f =
        CreateApiKeyForm.parse(
            web(
                "email", "a@example.com",
                "emails", "b@example.com,c@example.org",
                "emails[]", "d@example.net",
                "emails[0]", "e@example.co"));
    assertEquals(
        List.of(
            "a@example.com", "b@example.com", "c@example.org", "d@example.net", "e@example.co"),
        f.emails());
  }

  @Test
  void emailsAreTrimmedAndDomainLowerCased() {
    assertEquals(
        List.of("Juan.Perez+kyc@example.com"),
        CreateApiKeyForm.parse(web("emails", "  Juan.Perez+kyc@EXAMPLE.com ")).emails());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "plainaddress",
        "no-tld@example",
        "two@@example.com",
        "dot.@example.com",
        "space in@example.com",
        "a@-bad.com"
      })
  void invalidEmailIsRejected(String email) {
    InvalidInputException e = rejects(web("emails", email));
    assertEquals("emails", e.field());
    assertEquals("Invalid request: emails contains an invalid email address", e.getMessage());
  }

  @Test
  void overlongEmailIsRejected() {
    String email =
        "a".repeat(60) + "@" + "b".repeat(60) + "." + "c".repeat(60) + "." + "d".repeat(60) + "."
            + "e".repeat(60) + ".com";
    assertEquals("emails", rejects(web("email", email)).field());
  }

  @Test
  void atMostFiveEmails() {
    assertRejected(
        web("emails", "a@x.co,b@x.co,c@x.co,d@x.co,e@x.co,f@x.co"),
        "emails",
        "Invalid request: emails must have at most 5 entries");
  }

  // ---- metadata ----

  @Test
  void metadataIsCollectedInFormOrder() {
    CreateApiKeyForm f =
        CreateApiKeyForm.parse(
            web(
                "start_variables.metadata.name", "juan",
                "start_variables.metadata.order-id", "A-1001",
                "start_variables.metadata.empty", " ",
                "start_variables.metadata.a.b_c", "x"));
    assertEquals(List.of("name", "order-id", "a.b_c"), new ArrayList<>(f.metadata().keySet()));
    assertEquals("juan", f.metadata().get("name"));
    assertEquals("A-1001", f.metadata().get("order-id"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "start_variables.metadata.",
        "start_variables.metadata.bad name",
        "start_variables.metadata.ñame",
        "start_variables.metadata.x/y"
      })
  void badMetadataNamesAreRejected(String field) {
    InvalidInputException e = rejects(web(field, "v"));
    assertTrue(e.getMessage().startsWith("Invalid request: start_variables.metadata."));
    assertTrue(e.getMessage().contains("[a-zA-Z0-9_.-]{1,64}"));
  }

  @Test
  void metadataNameLongerThan64IsRejected() {
    String field = "start_variables.metadata." + "n".repeat(65);
    assertTrue(rejects(web(field, "v")).getMessage().contains("<name> matching"));
  }

  @Test
  void metadataValueLongerThan1000IsRejected() {
    assertRejected(
        web("start_variables.metadata.note", "x".repeat(1001)),
        "start_variables.metadata.note",
        "Invalid request: start_variables.metadata.note must be at most 1000 characters");
    assertEquals(
        1000,
        CreateApiKeyForm.parse(web("start_variables.metadata.note", "x".repeat(1000)))
            .metadata()
            .get("note")
            .length());
  }

  @Test
  void atMostFiftyMetadataEntries() {
    Map<String, List<String>> f = web();
    for (int i = 0; i < 51; i++) {
      f.put("start_variables.metadata.k" + i, List.of("v"));
    }
    assertRejected(
        f,
        "start_variables.metadata",
        "Invalid request: start_variables.metadata must have at most 50 entries");
  }

  @Test
  void metadataIsUnmodifiable() {
    Map<String, String> m =
        CreateApiKeyForm.parse(web("start_variables.metadata.name", "juan")).metadata();
    assertThrows(UnsupportedOperationException.class, () -> m.put("x", "y"));
  }

  // ---- error paths ----

  @ParameterizedTest
  @ValueSource(strings = {"language", "lang", "phones[x]", "start_variables.other", "KEY_TYPE"})
  void unknownFieldIsRejected(String field) {
    assertRejected(web(field, "es"), field, "Invalid request: unknown field " + field);
  }

  @Test
  void keyTypeIsRequired() {
    assertRejected(without(web(), "key_type"), "key_type", "Invalid request: key_type is required");
    assertRejected(form(), "key_type", "Invalid request: key_type is required");
    assertRejected(null, "key_type", "Invalid request: key_type is required");
  }

  @Test
  void unknownKeyTypeIsRejected() {
    Map<String, List<String>> f = web();
    f.put("key_type", List.of("admin"));
    assertRejected(
        f, "key_type", "Invalid request: key_type must be one of backend, web, sdk, generator");
  }

  @Test
  void duplicateSingleValuedFieldIsRejected() {
    assertRejected(
        web("key_type", "backend"), "key_type", "Invalid request: key_type must be given only once");
    assertRejected(
        web("account_id", "other"),
        "account_id",
        "Invalid request: account_id must be given only once");
  }

  @Test
  void webWithoutGrantIsRejected() {
    assertRejected(
        without(web(), "grant"), "grant", "Invalid request: grant is required when key_type is web");
    assertRejected(
        form("key_type", "sdk"), "grant", "Invalid request: grant is required when key_type is sdk");
  }

  @Test
  void grantValidationsIsOnlyForSdkAndGeneratorKeys() {
    for (String keyType : List.of("web", "backend")) {
      assertRejected(
          form("key_type", keyType, "grant", "validations", "key_name", "sdk_usage"),
          "grant",
          "Invalid request: grant validations is only for key_type sdk and generator");
    }
    assertEquals(
        Grant.VALIDATIONS,
        CreateApiKeyForm.parse(form("key_type", "generator", "grant", "validations")).grant());
    // The exchange Truora's validations SDK sends with its generator key passes the form.
    assertEquals(
        Grant.VALIDATIONS,
        CreateApiKeyForm.parse(form("key_type", "sdk", "grant", "validations", "key_name", "sdk_usage")).grant());
  }

  @Test
  void sdkWithDigitalIdentityNeedsWhatWebNeeds() {
    assertRejected(
        form("key_type", "sdk", "grant", "digital-identity", "country", "ALL", "redirect_url", "https://e.com/x"),
        "flow_id",
        "Invalid request: flow_id is required when grant is digital-identity");
  }

  @Test
  void unknownGrantIsRejected() {
    Map<String, List<String>> f = web();
    f.put("grant", List.of("everything"));
    assertRejected(
        f,
        "grant",
        "Invalid request: grant must be one of digital-identity, signals, validations, check");
  }

  @Test
  void digitalIdentityRequiresCountryRedirectUrlAndFlowId() {
    for (String field : List.of("country", "redirect_url", "flow_id")) {
      assertRejected(
          without(web(), field),
          field,
          "Invalid request: " + field + " is required when grant is digital-identity");
    }
  }

  @Test
  void badApiKeyVersionIsRejected() {
    Map<String, List<String>> f = web();
    f.put("api_key_version", List.of("3"));
    assertRejected(f, "api_key_version", "Invalid request: api_key_version must be 0, 1 or 2");
  }

  @ParameterizedTest
  @ValueSource(strings = {"US", "XX", "Colombia", "A"})
  void badCountryIsRejected(String country) {
    Map<String, List<String>> f = web();
    f.put("country", List.of(country));
    assertRejected(
        f,
        "country",
        "Invalid request: country must be one of ALL, BR, CL, CO, CR, EC, MX, PE, AR, SV, PA, VE");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/kyc/done",
        "shop.example.com/done",
        "ftp://shop.example.com/done",
        "javascript:alert(1)",
        "https:///no-host",
        "https://exa mple.com/",
        "mailto:ops@example.com"
      })
  void badRedirectUrlIsRejected(String url) {
    Map<String, List<String>> f = web();
    f.put("redirect_url", List.of(url));
    assertRejected(
        f, "redirect_url", "Invalid request: redirect_url must be an absolute http or https URL");
  }

  @Test
  void overlongRedirectUrlIsRejected() {
    Map<String, List<String>> f = web();
    f.put("redirect_url", List.of("https://example.com/" + "a".repeat(2030)));
    assertRejected(
        f, "redirect_url", "Invalid request: redirect_url must be at most 2048 characters");
  }

  @ParameterizedTest
  @ValueSource(strings = {"user 42", "user/42", "jöhn", "a+b"})
  void badAccountIdIsRejected(String accountId) {
    Map<String, List<String>> f = web();
    f.put("account_id", List.of(accountId));
    assertRejected(f, "account_id", "Invalid request: account_id must match [a-zA-Z0-9_.-]+");
  }

  @Test
  void overlongAccountIdIsRejected() {
    Map<String, List<String>> f = web();
    f.put("account_id", List.of("a".repeat(101)));
    assertRejected(f, "account_id", "Invalid request: account_id must be at most 100 characters");
    f.put("account_id", List.of("a".repeat(100)));
    assertEquals(100, CreateApiKeyForm.parse(f).accountId().length());
  }

  @Test
  void badFlowIdIsRejected() {
    Map<String, List<String>> f = web();
    f.put("flow_id", List.of("IPF/../x"));
    assertRejected(f, "flow_id", "Invalid request: flow_id must match [A-Za-z0-9_.-]{1,64}");
    f.put("flow_id", List.of("x".repeat(65)));
    assertEquals("flow_id", rejects(f).field());
  }

  @Test
  void badDocumentTypeIsRejected() {
    assertRejected(
        web("document_type", "visa"),
        "document_type",
        "Invalid request: document_type must be one of national-id, passport, driver-license,"
            + " foreign-id, identity-card, pep");
  }

  @Test
  void backendWithoutKeyNameIsRejected() {
    assertRejected(
        form("key_type", "backend"),
        "key_name",
        "Invalid request: key_name is required when key_type is backend");
    assertRejected(
        form("key_type", "backend", "key_name", "  "),
        "key_name",
        "Invalid request: key_name is required when key_type is backend");
  }

  @Test
  void overlongKeyNameIsRejected() {
    assertRejected(
        form("key_type", "backend", "key_name", "k".repeat(101)),
        "key_name",
        "Invalid request: key_name must be 1 to 100 characters long");
  }

  @Test
  void keyNameWithControlCharactersIsRejected() {
    assertRejected(
        form("key_type", "backend", "key_name", "c\u0007i"),
        "key_name",
        "Invalid request: key_name must not contain control characters");
  }
}
