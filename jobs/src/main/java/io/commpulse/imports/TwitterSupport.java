package io.commpulse.imports;

import static io.commpulse.imports.SourceFields.CORRUPT;
import static io.commpulse.imports.SourceFields.KEY;
import static io.commpulse.imports.SourceFields.MONTH;
import static io.commpulse.imports.SourceFields.PROBLEMS;
import static io.commpulse.imports.SourceFields.RAW;
import static io.commpulse.imports.SourceFields.RECORD;
import static io.commpulse.imports.SourceFields.RECORDS;
import static io.commpulse.imports.SourceFields.exportColumn;
import static io.commpulse.imports.SourceFields.isoUtc;
import static io.commpulse.imports.SourceFields.present;
import static io.commpulse.imports.SourceFields.problem;
import static io.commpulse.imports.SourceFields.quoted;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.regexp_extract_all;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import io.commpulse.schema.TableContract;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/**
 * The "Customer Support on Twitter" layout (tweet_id, author_id, inbound, created_at, text,
 * response_tweet_id, in_response_to_tweet_id) to {@code social_comments}, one comment per tweet.
 * Extra columns (a pandas index) are ignored, and ids written as floats ("3.0") are read as
 * integers.
 *
 * <p>platform is "twitter", comment_id the tweet_id, parent_id the in_response_to_tweet_id, author
 * the author_id, is_official_reply the negation of inbound, created_at the tweet time in UTC.
 * account is the company account the conversation belongs to:
 *
 * <ul>
 *   <li>a company reply (inbound False): its own author;
 *   <li>an inbound tweet: the author of the earliest company reply to it; else the company whose
 *       tweet it answers; else the first @mention in its text that is a company account of this
 *       export (an author of a company reply). An inbound tweet with none of these is reported
 *       unmapped ({@code no_account}): it cannot be placed on an official account.
 * </ul>
 */
public record TwitterSupport() implements ImportAdapter {
  public static final String FORMAT = "twitter-support";
  static final List<String> COLUMNS =
      List.of("tweet_id", "author_id", "inbound", "created_at", "text", "in_response_to_tweet_id");

  /** Twitter API v1.1's created_at, without the weekday, which Spark cannot parse. */
  static final String TWITTER_TIME = "MMM d HH:mm:ss Z yyyy";

  private static final List<String> NONE = List.of();

  @Override
  public String format() {
    return FORMAT;
  }

  @Override
  public String source() {
    return "social_comments";
  }

  @Override
  public Candidates map(SparkSession spark, ExportFile export, TableContract contract) {
    Dataset<Row> tweets = export.read(spark, ExportFile.Dialect.DEFAULT).cache();
    ExportFile.requireColumns(tweets, COLUMNS, "the Customer Support on Twitter layout");
    long read = tweets.count();
    return new Candidates(comments(tweets), tweets, read, "tweet", read);
  }

  /**
   * One candidate comment per tweet record (text columns, {@code _corrupt_record}, {@code
   * _record}).
   */
  static Dataset<Row> comments(Dataset<Row> tweets) {
    List<String> sourceColumns =
        Arrays.stream(tweets.columns())
            .filter(c -> !c.equals(CORRUPT) && !c.equals(RECORD))
            .toList();
    Column inboundText = lower(present(col("inbound"), NONE));
    Column createdText = present(col("created_at"), NONE);
    Dataset<Row> typed =
        tweets.select(
            col(CORRUPT),
            col(RECORD),
            present(col("tweet_id"), NONE).as("id_text"),
            tweetId(col("tweet_id")).as("id"),
            present(col("author_id"), NONE).as("author"),
            inboundText.as("inbound_text"),
            when(inboundText.isin("true", "1"), lit(true))
                .when(inboundText.isin("false", "0"), lit(false))
                .as("inbound"),
            createdText.as("created_text"),
            createdAt(createdText).as("created"),
            col("text").as("text"),
            present(col("in_response_to_tweet_id"), NONE).as("parent_text"),
            tweetId(col("in_response_to_tweet_id")).as("parent"),
            to_json(
                    struct(
                        sourceColumns.stream()
                            .map(c -> exportColumn(c).as(c))
                            .toArray(Column[]::new)))
                .as("raw"));

    Dataset<Row> replies =
        typed.where(
            col(CORRUPT)
                .isNull()
                .and(col("inbound").equalTo(false))
                .and(col("author").isNotNull()));
    Dataset<Row> companies = replies.select(col("author").as("company")).distinct();
    Dataset<Row> answeredBy =
        replies
            .where(col("parent").isNotNull())
            .groupBy(col("parent").as("a_id"))
            .agg(
                min(struct(col("created"), col(RECORD), col("author").as("company")))
                    .getField("company")
                    .as("answered_by"));
    Dataset<Row> repliesTo =
        replies
            .where(col("id").isNotNull())
            .groupBy(col("id").as("p_id"))
            .agg(min(col("author")).as("reply_to_company"));
    Dataset<Row> mentions =
        typed
            .where(col("inbound").equalTo(true).and(col("id").isNotNull()))
            .select(
                col("id").as("m_id"),
                posexplode(
                    regexp_extract_all(coalesce(col("text"), lit("")), lit("@(\\w+)"), lit(1))))
            .join(companies, col("col").equalTo(col("company")))
            .groupBy(col("m_id"))
            .agg(min(struct(col("pos"), col("company"))).getField("company").as("mentions"));

    Dataset<Row> joined =
        typed
            .join(answeredBy, col("id").equalTo(col("a_id")), "left")
            .join(repliesTo, col("parent").equalTo(col("p_id")), "left")
            .join(mentions, col("id").equalTo(col("m_id")), "left");

    Column account =
        when(col("inbound").equalTo(false), col("author"))
            .when(
                col("inbound").equalTo(true),
                coalesce(col("answered_by"), col("reply_to_company"), col("mentions")));
    List<Column> found = new ArrayList<>();
    found.add(when(col("id_text").isNull(), problem("missing_value", lit("tweet_id is missing"))));
    found.add(
        when(
            col("id_text").isNotNull().and(col("id").isNull()),
            problem(
                "bad_value",
                concat(lit("tweet_id "), quoted(col("id_text")), lit(" is not a number")))));
    found.add(when(col("author").isNull(), problem("missing_value", lit("author_id is missing"))));
    found.add(
        when(
            col("inbound").isNull(),
            problem(
                "bad_value",
                concat(
                    lit("inbound "), quoted(col("inbound_text")), lit(" is not True or False")))));
    found.add(
        when(
            col("created").isNull(),
            problem(
                "bad_timestamp",
                concat(
                    lit("created_at "),
                    quoted(col("created_text")),
                    lit(" is not like 'Tue Oct 31 22:10:47 +0000 2017'")))));
    found.add(
        when(
            col("parent_text").isNotNull().and(col("parent").isNull()),
            problem(
                "bad_value",
                concat(
                    lit("in_response_to_tweet_id "),
                    quoted(col("parent_text")),
                    lit(" is not a number")))));
    found.add(
        when(
            col("inbound").equalTo(true).and(account.isNull()),
            problem(
                "no_account",
                lit(
                    "inbound tweet is not answered by, not a reply to and does not mention a company account of this export"))));

    return joined.select(
        lit("twitter").as("platform"),
        account.as("account"),
        col("id").as("comment_id"),
        col("parent").as("parent_id"),
        col("author").as("author"),
        when(col("inbound").equalTo(true), lit("false"))
            .when(col("inbound").equalTo(false), lit("true"))
            .as("is_official_reply"),
        isoUtc(col("created")).as("created_at"),
        col("text").as("text"),
        lit(null).cast(DataTypes.StringType).as("sentiment"),
        SourceFields.month(col("created"), ZoneOffset.UTC).as(MONTH),
        when(
                col(CORRUPT).isNotNull(),
                array(problem("malformed", lit("record does not match the columns of the header"))))
            .otherwise(SourceFields.problems(found))
            .as(PROBLEMS),
        col(RECORD),
        lit(1L).as(RECORDS),
        coalesce(col("id_text"), concat(lit("record "), col(RECORD).cast(DataTypes.StringType)))
            .as(KEY),
        coalesce(col(CORRUPT), col("raw")).as(RAW));
  }

  /** An integer id, also when a spreadsheet or pandas wrote it as a float ("3.0"). */
  static Column tweetId(Column raw) {
    Column text = present(raw, NONE);
    return when(text.rlike("^[0-9]+(\\.0+)?$"), regexp_replace(text, "\\.0+$", ""));
  }

  static Column createdAt(Column text) {
    return coalesce(
        SourceFields.timestamp(
            regexp_replace(text, "^[A-Za-z]{3} ", ""), List.of(TWITTER_TIME), ZoneOffset.UTC),
        SourceFields.timestamp(text, List.of(), ZoneOffset.UTC));
  }
}
