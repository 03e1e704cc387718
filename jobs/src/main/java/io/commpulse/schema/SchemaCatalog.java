package io.commpulse.schema;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/**
 * Every table contract, read from {@code schemas/<layer>/<table>.json}. Files whose name starts
 * with an underscore are column fragments that tables include through {@code columns_from}.
 *
 * <p>The folder is {@code $COMMPULSE_SCHEMAS} when set, else the copy bundled in the jar.
 */
public final class SchemaCatalog {
  public static final String ENV_SCHEMAS_DIR = "COMMPULSE_SCHEMAS";
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
  private static final Set<String> TABLE_FIELDS =
      Set.of(
          "description",
          "grain",
          "format",
          "source_timezone",
          "keys",
          "partitioned_by",
          "columns_from",
          "columns",
          "checks");

  static final String KPI_FILE = "kpis.json";

  private final Map<String, TableContract> tables;
  private final KpiRegistry kpis;

  private SchemaCatalog(Map<String, TableContract> tables, KpiRegistry kpis) {
    this.tables = tables;
    this.kpis = kpis;
  }

  private static volatile SchemaCatalog defaultCatalog;

  /** The catalog of the running installation, loaded once. */
  public static SchemaCatalog get() {
    if (defaultCatalog == null) {
      synchronized (SchemaCatalog.class) {
        if (defaultCatalog == null) {
          String dir = System.getenv(ENV_SCHEMAS_DIR);
          defaultCatalog =
              dir != null && !dir.isBlank() ? fromDirectory(Paths.get(dir)) : fromClasspath();
        }
      }
    }
    return defaultCatalog;
  }

  public static SchemaCatalog fromClasspath() {
    URL url = SchemaCatalog.class.getClassLoader().getResource("schemas");
    if (url == null) {
      throw new SchemaException("no schemas/ folder on the classpath; set " + ENV_SCHEMAS_DIR);
    }
    try {
      URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        FileSystem fs;
        try {
          fs = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
          fs = FileSystems.getFileSystem(uri);
        }
        return fromDirectory(fs.getPath("/schemas"));
      }
      return fromDirectory(Paths.get(uri));
    } catch (URISyntaxException | IOException e) {
      throw new SchemaException("cannot open bundled schemas at " + url, e);
    }
  }

  public static SchemaCatalog fromDirectory(Path root) {
    if (!Files.isDirectory(root)) {
      throw new SchemaException("schema folder not found: " + root);
    }
    Map<String, JsonNode> raw = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root, 2)) {
      for (Path file :
          files
              .filter(p -> p.toString().endsWith(".json") && !p.getParent().equals(root))
              .sorted()
              .toList()) {
        String layer = file.getParent().getFileName().toString();
        String name = file.getFileName().toString().replaceFirst("\\.json$", "");
        try {
          raw.put(layer + "." + name, JSON.readTree(Files.readString(file)));
        } catch (IOException e) {
          throw new SchemaException(
              "schema file "
                  + root.relativize(file)
                  + " does not parse: "
                  + e.getMessage().lines().findFirst().orElse(""),
              e);
        }
      }
    } catch (IOException e) {
      throw new SchemaException("cannot read schema folder " + root, e);
    }
    Map<String, TableContract> tables = new LinkedHashMap<>();
    for (String qualified : raw.keySet()) {
      if (!qualified.substring(qualified.indexOf('.') + 1).startsWith("_")) {
        tables.put(qualified, build(qualified, raw));
      }
    }
    return new SchemaCatalog(tables, readKpis(root));
  }

  private static KpiRegistry readKpis(Path root) {
    Path file = root.resolve(KPI_FILE);
    if (!Files.isRegularFile(file)) {
      throw new SchemaException("KPI registry not found: " + file);
    }
    try {
      return KpiRegistry.parse(JSON.readTree(Files.readString(file)));
    } catch (IOException e) {
      throw new SchemaException(
          "schema file "
              + KPI_FILE
              + " does not parse: "
              + e.getMessage().lines().findFirst().orElse(""),
          e);
    }
  }

  /** The strategy's KPIs, from {@code kpis.json} beside the layer folders. */
  public KpiRegistry kpis() {
    return kpis;
  }

  public TableContract table(String qualifiedName) {
    TableContract contract = tables.get(qualifiedName);
    if (contract == null) {
      throw new SchemaException(
          "no schema for table '" + qualifiedName + "'; known: " + tables.keySet());
    }
    return contract;
  }

  /**
   * Fails with a one-line error naming the known tables when one of {@code names} is not a table of
   * {@code layer}; {@code what} names the tables in the message ("gold table", "source").
   */
  public void requireNames(String layer, java.util.Set<String> names, String what) {
    for (String name : names) {
      if (find(layer + "." + name).isEmpty()) {
        throw new io.commpulse.errors.UserError(
            "unknown "
                + what
                + " '"
                + name
                + "'; known: "
                + String.join(", ", layer(layer).stream().map(TableContract::name).toList()));
      }
    }
  }

  public java.util.Optional<TableContract> find(String qualifiedName) {
    return java.util.Optional.ofNullable(tables.get(qualifiedName));
  }

  public Collection<TableContract> tables() {
    return tables.values();
  }

  public List<TableContract> layer(String layer) {
    return tables.values().stream().filter(t -> t.layer().equals(layer)).toList();
  }

  /** Names of the landing sources, in schema-folder order. */
  public List<String> sourceNames() {
    return layer("landing").stream().map(TableContract::name).toList();
  }

  private static TableContract build(String qualified, Map<String, JsonNode> raw) {
    JsonNode node = raw.get(qualified);
    String where = "schema " + qualified.replace('.', '/') + ".json";
    node.fieldNames()
        .forEachRemaining(
            f -> {
              if (!TABLE_FIELDS.contains(f)) {
                throw new SchemaException(
                    where + ": unknown field '" + f + "' (allowed: " + TABLE_FIELDS + ")");
              }
            });
    List<ColumnSpec> columns = new ArrayList<>();
    for (JsonNode include : node.path("columns_from")) {
      JsonNode included = raw.get(include.asText());
      if (included == null) {
        throw new SchemaException(
            where + ": columns_from names unknown schema '" + include.asText() + "'");
      }
      columns.addAll(parseColumns(where, included.path("columns")));
    }
    columns.addAll(parseColumns(where, node.path("columns")));
    String[] parts = qualified.split("\\.", 2);
    TableContract contract =
        new TableContract(
            parts[0],
            parts[1],
            requiredText(where, node, "description"),
            requiredText(where, node, "grain"),
            node.path("format").asText(null),
            node.path("source_timezone").asText(null),
            strings(node.path("keys")),
            strings(node.path("partitioned_by")),
            List.copyOf(columns),
            checks(where, node.path("checks")));
    validate(where, contract);
    return contract;
  }

  private static List<ColumnSpec> parseColumns(String where, JsonNode columns) {
    List<ColumnSpec> specs = new ArrayList<>();
    for (JsonNode column : columns) {
      try {
        specs.add(JSON.treeToValue(column, ColumnSpec.class));
      } catch (IOException e) {
        throw new SchemaException(
            where + ": bad column " + column + ": " + e.getMessage().lines().findFirst().orElse(""),
            e);
      }
    }
    return specs;
  }

  private static List<RowCheck> checks(String where, JsonNode checks) {
    List<RowCheck> parsed = new ArrayList<>();
    for (JsonNode check : checks) {
      try {
        parsed.add(JSON.treeToValue(check, RowCheck.class));
      } catch (IOException e) {
        throw new SchemaException(
            where + ": bad check " + check + ": " + e.getMessage().lines().findFirst().orElse(""),
            e);
      }
    }
    return List.copyOf(parsed);
  }

  private static void validate(String where, TableContract contract) {
    if (contract.columns().isEmpty()) {
      throw new SchemaException(where + ": no columns");
    }
    Set<String> seen = new HashSet<>();
    for (ColumnSpec column : contract.columns()) {
      if (!seen.add(column.name())) {
        throw new SchemaException(where + ": column '" + column.name() + "' is declared twice");
      }
      try {
        column.sparkType();
      } catch (SchemaException e) {
        throw new SchemaException(where + ", column " + column.name() + ": " + e.getMessage());
      }
      if (column.min() != null && column.max() != null && column.min() > column.max()) {
        throw new SchemaException(where + ", column " + column.name() + ": min > max");
      }
      if (column.pattern() != null) {
        try {
          Pattern.compile(column.pattern());
        } catch (PatternSyntaxException e) {
          throw new SchemaException(
              where + ", column " + column.name() + ": bad pattern: " + e.getDescription());
        }
      }
    }
    for (String key : concat(contract.keys(), contract.partitionedBy())) {
      if (!seen.contains(key)) {
        throw new SchemaException(
            where + ": key or partition column '" + key + "' is not a column");
      }
    }
    if ("landing".equals(contract.layer())
        && (contract.format() == null || !List.of("csv", "jsonl").contains(contract.format()))) {
      throw new SchemaException(
          where + ": a landing source needs \"format\": \"csv\" or \"jsonl\"");
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static String requiredText(String where, JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.asText().isBlank()) {
      throw new SchemaException(where + ": missing \"" + field + "\"");
    }
    return value.asText();
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return List.copyOf(values);
  }
}
