package io.commpulse.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.commpulse.ingest.BronzeIngest;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.testing.RealData;
import io.commpulse.testing.TestSpark;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TwitterSupportTest {
  private static Path firstOut;
  private static ImportReport first5000;
  private static Path sampleOut;
  private static ImportReport sample;

  @BeforeAll
  static void importRealFiles() {
    ImportJob job = new ImportJob(TestSpark.session(), SchemaCatalog.get());
    firstOut = TestSpark.tempDir("commpulse-import-twcs5000");
    first5000 = job.run(new TwitterSupport(), RealData.file("twcs_first5000.csv"), firstOut);
    sampleOut = TestSpark.tempDir("commpulse-import-twcs-sample");
    sample = job.run(new TwitterSupport(), RealData.file("twcs_sample.csv"), sampleOut);
  }

  @Test
  void pairsRepliesAndPlacesInboundTweetsOnACompanyAccount() {
    Dataset<Row> tweets =
        ExportRows.of(
                "_c0",
                "tweet_id",
                "author_id",
                "inbound",
                "created_at",
                "text",
                "response_tweet_id",
                "in_response_to_tweet_id")
            .row(
                "0",
                "10",
                "501",
                "True",
                "Tue Oct 31 22:10:47 +0000 2017",
                "@AcmeCare my order is late",
                "11",
                null)
            .row(
                "1",
                "11",
                "AcmeCare",
                "False",
                "Tue Oct 31 22:40:47 +0000 2017",
                "@501 sorry, DM us",
                null,
                "10.0")
            .row(
                "2",
                "12",
                "501",
                "True",
                "Tue Oct 31 22:45:00 +0000 2017",
                "@AcmeCare done",
                null,
                "11.0")
            .row(
                "3",
                "13",
                "502",
                "True",
                "Wed Nov 01 08:00:00 +0000 2017",
                "hey @502 and @AcmeCare",
                null,
                null)
            .row(
                "4",
                "14",
                "503",
                "True",
                "Wed Nov 01 09:00:00 +0000 2017",
                "@SomeoneElse hello",
                null,
                null)
            .row("5", "15", "504", "maybe", "1 Nov 2017", "x", null, "abc")
            .malformed("16,505,True")
            .dataset();
    Map<String, Map<String, Object>> comments = ExportRows.byKey(TwitterSupport.comments(tweets));
    assertEquals(7, comments.size());

    Map<String, Object> answered = comments.get("10");
    assertEquals("twitter", answered.get("platform"));
    assertEquals("AcmeCare", answered.get("account"), "answered by AcmeCare");
    assertEquals("10", answered.get("comment_id"));
    assertNull(answered.get("parent_id"));
    assertEquals("501", answered.get("author"));
    assertEquals("false", answered.get("is_official_reply"));
    assertEquals("2017-10-31T22:10:47Z", answered.get("created_at"));
    assertEquals("2017-10", answered.get(SourceFields.MONTH));
    assertEquals(List.of(), answered.get(SourceFields.PROBLEMS));

    Map<String, Object> reply = comments.get("11");
    assertEquals("AcmeCare", reply.get("account"));
    assertEquals("10", reply.get("parent_id"), "float id 10.0 read as 10");
    assertEquals("true", reply.get("is_official_reply"));

    assertEquals("AcmeCare", comments.get("12").get("account"), "a reply to an AcmeCare tweet");
    assertEquals(
        "AcmeCare", comments.get("13").get("account"), "first @mention that is a company account");
    assertEquals(
        List.of(
            "no_account: inbound tweet is not answered by, not a reply to and does not mention a"
                + " company account of this export"),
        comments.get("14").get(SourceFields.PROBLEMS));
    assertEquals(
        List.of(
            "bad_value: inbound 'maybe' is not True or False",
            "bad_timestamp: created_at '1 Nov 2017' is not like 'Tue Oct 31 22:10:47 +0000 2017'",
            "bad_value: in_response_to_tweet_id 'abc' is not a number"),
        comments.get("15").get(SourceFields.PROBLEMS));
    assertEquals(
        List.of("malformed: record does not match the columns of the header"),
        comments.get("record 7").get(SourceFields.PROBLEMS));
  }

  /*
   * Independent figures: pandas 2, reading the files with
   *   d = pd.read_csv(path, dtype=str, keep_default_na=False, lineterminator='\n')   # first5000: only LF ends a record
   *   d = pd.read_csv(path, dtype=str, keep_default_na=False)                        # sample (CRLF)
   *   d['irt'] = d.in_response_to_tweet_id.str.replace(r'\.0$', '', regex=True)
   *   d['ts'] = pd.to_datetime(d.created_at, format='%a %b %d %H:%M:%S %z %Y')
   *   companies = set(d[d.inbound == 'False'].author_id); inb = d[d.inbound == 'True']; rep = d[d.inbound == 'False']
   *   pairs = inb.merge(rep, left_on='tweet_id', right_on='irt', suffixes=('_in', '_re'))
   *   first = pairs.sort_values('ts_re').groupby('tweet_id_in').first().reset_index()
   *   first['min'] = (first.ts_re - first.ts_in).dt.total_seconds() / 60
   *   len(inb); (first['min'] <= 1440).sum(); first.groupby('author_id_re')['min'].median()
   *   no account: inbound tweets not in first.tweet_id_in, whose irt is not a company tweet and whose
   *   text has no @mention in companies -> 141 (first5000), 1 (sample)
   * first5000: 5000 tweets, 2778 inbound, 2083 answered, 2023 within 24 h (share 0.7282217422606192).
   * sample: 93 tweets, 49 inbound, 41 answered, 41 within 24 h (share 0.8367346938775511).
   */
  @Test
  void first5000KeepsEveryTweetAndTheBareCarriageReturn() {
    assertEquals(
        5_000,
        first5000.inputRecords(),
        "pandas-saved file: 5,000 tweets (a bare CR does not end a record)");
    assertEquals(5_000, first5000.units());
    assertEquals(141, first5000.unmapped());
    assertEquals(Map.of("no_account", 141L), first5000.unmappedByReason());
    assertEquals(4_859, first5000.mapped());
    assertEquals(
        4_859L, first5000.rowsPerMonth().values().stream().mapToLong(Long::longValue).sum());

    Dataset<Row> comments = Landing.jsonl(firstOut, "social_comments", TwitterSupport.FORMAT);
    Row crTweet = comments.where("comment_id = '3399'").first();
    assertEquals(
        "@AskPayPal \r\rI just love the start of email \uD83D\uDE01 https://t.co/8u1Pf5rJoN",
        crTweet.getAs("text"));
    Row reply = comments.where("comment_id = '3398'").first();
    assertEquals("3399", reply.getAs("parent_id"), "in_response_to_tweet_id 3399.0");
    assertEquals("AskPayPal", reply.getAs("account"));
    assertEquals("AskPayPal", crTweet.getAs("account"), "answered by AskPayPal");
  }

  @Test
  void first5000ReplyFiguresMatchAnIndependentComputation() {
    Figures figures = figures(Landing.jsonl(firstOut, "social_comments", TwitterSupport.FORMAT));
    assertEquals(2_778 - 141, figures.inbound(), "inbound tweets placed on an account");
    assertEquals(2_083, figures.answered());
    assertEquals(2_023, figures.within24h());
    assertEquals(
        0.7282217422606192,
        (double) figures.within24h() / (figures.inbound() + 141),
        1e-12,
        "share of all 2,778 inbound tweets answered within 24 h");
    Map<String, Double> expected =
        Map.of(
            "sprintcare", 3.883333333333333,
            "AppleSupport", 8.95,
            "AmazonHelp", 8.883333333333333,
            "Uber_Support", 17.9,
            "TfL", 18290.05,
            "hulu_support", 2726.491666666667,
            "AskPlayStation", 5.616666666666666);
    expected.forEach(
        (company, minutes) ->
            assertEquals(
                minutes,
                figures.medianMinutes().get(company),
                1e-9,
                "median reply minutes of " + company));
    assertEquals(76, figures.medianMinutes().size(), "companies that answered");
  }

  @Test
  void sampleReplyFiguresMatchAnIndependentComputation() {
    assertEquals(93, sample.inputRecords());
    assertEquals(92, sample.mapped());
    assertEquals(1, sample.unmapped());
    Figures figures = figures(Landing.jsonl(sampleOut, "social_comments", TwitterSupport.FORMAT));
    assertEquals(48, figures.inbound());
    assertEquals(41, figures.answered());
    assertEquals(41, figures.within24h());
    assertEquals(0.8367346938775511, (double) figures.within24h() / 49, 1e-12);
    Map<String, Double> expected = new HashMap<>();
    expected.put("AppleSupport", 377.7);
    expected.put("Ask_Spectrum", 14.183333333333334);
    expected.put("British_Airways", 167.48333333333335);
    expected.put("ChaseSupport", 25.666666666666668);
    expected.put("HPSupport", 691.7666666666667);
    expected.put("O2", 23.116666666666667);
    expected.put("SouthwestAir", 4.766666666666667);
    expected.put("SpotifyCares", 20.208333333333336);
    expected.put("Tesco", 2.35);
    expected.put("UPSHelp", 5.3);
    expected.put("VirginTrains", 7.133333333333334);
    expected.put("comcastcares", 4.7);
    expected.put("sprintcare", 5.783333333333333);
    assertEquals(expected.keySet(), figures.medianMinutes().keySet());
    expected.forEach(
        (company, minutes) ->
            assertEquals(
                minutes,
                figures.medianMinutes().get(company),
                1e-9,
                "median reply minutes of " + company));
  }

  @Test
  void importedCommentsPassIngest() {
    assertEquals(Map.of("2017-10", 92L), sample.rowsPerMonth());
    BronzeIngest.Outcome outcome =
        Landing.ingest(sampleOut, "social_comments", YearMonth.of(2017, 10));
    assertEquals(sample.mapped(), outcome.read());
    assertEquals(
        sample.mapped(),
        outcome.accepted() + outcome.quarantined(),
        "rows accepted + quarantined = rows imported");
    assertEquals(0, outcome.quarantined());
  }

  record Figures(long inbound, long answered, long within24h, Map<String, Double> medianMinutes) {}

  /**
   * Reply figures over imported comments: each inbound comment with its earliest official reply.
   */
  private static Figures figures(Dataset<Row> comments) {
    comments.createOrReplaceTempView("imported_comments");
    String firstReplies =
        """
        SELECT i.comment_id, min_by(r.account, r.created_at) AS company,
               (unix_timestamp(min(cast(r.created_at AS timestamp))) - unix_timestamp(cast(i.created_at AS timestamp))) / 60 AS minutes
        FROM imported_comments i JOIN imported_comments r
          ON r.parent_id = i.comment_id AND r.is_official_reply AND NOT i.is_official_reply
        GROUP BY i.comment_id, i.created_at""";
    Row counts =
        TestSpark.session()
            .sql(
                "SELECT (SELECT count(*) FROM imported_comments WHERE NOT is_official_reply),"
                    + " count(*), count_if(minutes <= 1440) FROM ("
                    + firstReplies
                    + ")")
            .first();
    Map<String, Double> medians = new HashMap<>();
    TestSpark.session()
        .sql(
            "SELECT company, percentile(minutes, 0.5) FROM (" + firstReplies + ") GROUP BY company")
        .collectAsList()
        .forEach(r -> medians.put(r.getString(0), r.getDouble(1)));
    return new Figures(counts.getLong(0), counts.getLong(1), counts.getLong(2), medians);
  }
}
