package io.commpulse.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.commpulse.errors.UserError;
import io.commpulse.report.model.TableVersions;
import io.commpulse.report.render.CodeVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code manifest.json}: what a report was rendered from (the Delta version of every table read,
 * the code, the options) and the SHA-256 of every file it wrote. Reading it back pins the table
 * versions for a re-render.
 *
 * @param outputs relative path of each output file to its SHA-256
 */
public record Manifest(
    String month,
    String language,
    TableVersions tables,
    CodeVersion code,
    Map<String, String> options,
    Map<String, String> outputs) {
  public static final String FILE = "manifest.json";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public byte[] toJson() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("report", "commpulse monthly report");
    root.put("month", month);
    root.put("language", language);
    root.put("tables", tables.versions());
    Map<String, Object> codeVersion = new LinkedHashMap<>();
    codeVersion.put("version", code.version());
    codeVersion.put("fingerprint", code.fingerprint());
    root.put("code_version", codeVersion);
    root.put("options", new TreeMap<>(options));
    root.put("outputs", new TreeMap<>(outputs));
    try {
      return (JSON.writeValueAsString(root) + "\n")
          .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Manifest read(Path file) {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new UserError("cannot read manifest " + file + ": " + e.getMessage(), e);
    }
    if (root == null || !root.path("tables").isObject() || !root.path("month").isTextual()) {
      throw new UserError(
          "manifest "
              + file
              + " lacks \"month\" or \"tables\"; is it a commpulse report manifest?");
    }
    Map<String, Long> versions = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("tables").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      versions.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asLong());
    }
    JsonNode code = root.path("code_version");
    return new Manifest(
        root.path("month").asText(),
        root.path("language").asText(null),
        new TableVersions(versions),
        new CodeVersion(code.path("version").asText(""), code.path("fingerprint").asText("")),
        strings(root.path("options")),
        strings(root.path("outputs")));
  }

  private static Map<String, String> strings(JsonNode node) {
    Map<String, String> map = new TreeMap<>();
    node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
    return map;
  }
}
