package io.lambda2azure.core.plan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * EventBridge rate() and cron() expressions to NCRONTAB ({second} {minute} {hour} {day} {month} {day-of-week}),
 * following docs/azure-facts.md §7.3: prepend seconds, drop the year, ? becomes *, day-of-week numbers 1–7
 * (1 = Sunday) become 0–6 (0 = Sunday); L, W, # and the year have no equivalent.
 */
class SchedulesTest {

    @ParameterizedTest(name = "{0} -> {1} exact={2}")
    @CsvSource(delimiter = '|', value = {
            "rate(1 minute)    | 0 * * * * *      | true",
            "rate(5 minutes)   | 0 */5 * * * *    | true",
            "rate(15 minutes)  | 0 */15 * * * *   | true",
            "rate(30 minutes)  | 0 */30 * * * *   | true",
            "rate(7 minutes)   | 0 */7 * * * *    | false",
            "rate(1 hour)      | 0 0 * * * *      | true",
            "rate(3 hours)     | 0 0 */3 * * *    | true",
            "rate(12 hours)    | 0 0 */12 * * *   | true",
            "rate(5 hours)     | 0 0 */5 * * *    | false",
            "rate(1 day)       | 0 0 0 * * *      | true",
            "rate(2 days)      | 0 0 0 */2 * *    | false",
            "' rate( 10  minutes ) ' | 0 */10 * * * * | true",
    })
    void rates(String expression, String ncrontab, boolean exact) {
        Schedules.Conversion conversion = Schedules.convert(expression);
        assertThat(conversion.ncrontab()).isEqualTo(ncrontab);
        assertThat(conversion.exact()).isEqualTo(exact);
        if (!exact) {
            assertThat(conversion.note()).isNotBlank();
        }
    }

    @Test
    void inexactRatesSayWhy() {
        assertThat(Schedules.convert("rate(7 minutes)").note()).contains("every 7 minutes", "full hour");
        assertThat(Schedules.convert("rate(5 hours)").note()).contains("every 5 hours", "midnight");
        assertThat(Schedules.convert("rate(2 days)").note()).contains("every 2 days", "first of each month");
    }

    @Test
    void aZeroRateNeverFires() {
        Schedules.Conversion conversion = Schedules.convert("rate(0 minutes)");
        assertThat(conversion.exact()).isFalse();
        assertThat(conversion.note()).contains("never fires");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // ? becomes *, seconds are prepended, the year * is dropped
            "cron(0 12 * * ? *)          | 0 0 12 * * *",
            "cron(15 10 ? * * *)         | 0 15 10 * * *",
            // ranges, lists and steps are read the same way
            "cron(0-30 8-17 * * ? *)     | 0 0-30 8-17 * * *",
            "cron(0,15,45 9 * * ? *)     | 0 0,15,45 9 * * *",
            "cron(*/10 * * * ? *)        | 0 */10 * * * *",
            "cron(0 */2 1-15 * ? *)      | 0 0 */2 1-15 * *",
            "cron(0 12 1 1,7 ? *)        | 0 0 12 1 1,7 *",
            // day-of-week numbers 1-7 (1 = Sunday) become 0-6 (0 = Sunday)
            "cron(0 9 ? * 1 *)           | 0 0 9 * * 0",
            "cron(0 9 ? * 7 *)           | 0 0 9 * * 6",
            "cron(0 9 ? * 2-6 *)         | 0 0 9 * * 1-5",
            "cron(0 9 ? * 1-7 *)         | 0 0 9 * * 0-6",
            "cron(0 9 ? * 1,7 *)         | 0 0 9 * * 0,6",
            "cron(0 9 ? * 2,4,6 *)       | 0 0 9 * * 1,3,5",
            // a step keeps its size: AWS 2/2 is Mon, Wed, Fri; NCRONTAB 1/2 is the same days
            "cron(0 9 ? * 2/2 *)         | 0 0 9 * * 1/2",
            "cron(0 9 ? * */2 *)         | 0 0 9 * * */2",
            // names are the same in both; they are written in upper case
            "cron(0 18 ? * MON-FRI *)    | 0 0 18 * * MON-FRI",
            "cron(0 18 ? * sat,sun *)    | 0 0 18 * * SAT,SUN",
            "cron(0 8 1 JAN ? *)         | 0 0 8 1 JAN *",
            "cron(0 8 ? DEC MON *)       | 0 0 8 * DEC MON",
    })
    void exactCronExpressions(String expression, String ncrontab) {
        Schedules.Conversion conversion = Schedules.convert(expression);
        assertThat(conversion.ncrontab()).isEqualTo(ncrontab);
        assertThat(conversion.exact()).as(conversion.note()).isTrue();
        assertThat(conversion.note()).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "cron(0 0 L * ? *)           | 0 0 0 * * *       | 'L' in the day-of-month field",
            "cron(0 9 LW * ? *)          | 0 0 9 * * *       | 'LW' in the day-of-month field",
            "cron(0 9 15W * ? *)         | 0 0 9 * * *       | '15W' in the day-of-month field",
            "cron(0 9 ? * 6L *)          | 0 0 9 * * *       | '6L' in the day-of-week field",
            "cron(0 9 ? * 3#2 *)         | 0 0 9 * * *       | '3#2' in the day-of-week field",
            "cron(0 9 ? * MON#1 *)       | 0 0 9 * * *       | 'MON#1' in the day-of-week field",
            "cron(0 12 * * ? 2030)       | 0 0 12 * * *      | year field (2030)",
            "cron(0 12 * * ? 2025-2027)  | 0 0 12 * * *      | year field (2025-2027)",
    })
    void inexactCronExpressionsSayWhatIsLost(String expression, String ncrontab, String note) {
        Schedules.Conversion conversion = Schedules.convert(expression);
        assertThat(conversion.ncrontab()).isEqualTo(ncrontab);
        assertThat(conversion.exact()).isFalse();
        assertThat(conversion.note()).contains(note);
    }

    @Test
    void everyLostPartIsNamed() {
        Schedules.Conversion conversion = Schedules.convert("cron(0 9 L * ? 2030)");
        assertThat(conversion.exact()).isFalse();
        assertThat(conversion.note()).contains("'L'", "2030");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "cron(0 12 * * ?)            | 5",
            "cron(0 0 12 * * ? *)        | 7",
            "cron()                      | 1",
    })
    void cronNeedsSixFields(String expression, int fields) {
        Schedules.Conversion conversion = Schedules.convert(expression);
        assertThat(conversion.exact()).isFalse();
        assertThat(conversion.ncrontab()).isEqualTo("0 0 0 1 1 *");
        assertThat(conversion.note()).contains("6 fields", "has " + fields);
    }

    @Test
    void oneTimeSchedulesHaveNoEquivalent() {
        Schedules.Conversion conversion = Schedules.convert("at(2026-03-01T09:30:00)");
        assertThat(conversion.exact()).isFalse();
        assertThat(conversion.ncrontab()).isEqualTo("0 0 0 1 1 *");
        assertThat(conversion.note()).contains("at(2026-03-01T09:30:00)", "one-time");
    }

    @Test
    void somethingElseIsNotASchedule() {
        Schedules.Conversion conversion = Schedules.convert("every tuesday");
        assertThat(conversion.exact()).isFalse();
        assertThat(conversion.note()).contains("'every tuesday'", "not a rate() or cron()");
    }

    @Test
    void everyConversionHasSixFields() {
        for (String expression : new String[] {"rate(1 minute)", "rate(2 days)", "cron(0 12 * * ? *)",
                "cron(0 9 ? * 3#2 *)", "at(2026-03-01T09:30:00)", "cron(1 2 3)", "nonsense"}) {
            assertThat(Schedules.convert(expression).ncrontab().split(" ")).as(expression).hasSize(6);
        }
    }

    // ------------------------------------------------------------------ bugs

    /**
     * BUG: {@code plain()} treats any field containing the letters L or W as the "last" / "nearest weekday"
     * operators, so the month name JUL and the weekday name WED are replaced by * (every month / every day) and the
     * schedule is reported as inexact. cron(0 9 ? * WED *) then fires every day instead of on Wednesdays.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "cron(0 9 ? * WED *)         | 0 0 9 * * WED",
            "cron(0 9 ? * MON-WED *)     | 0 0 9 * * MON-WED",
            "cron(0 9 ? * wed *)         | 0 0 9 * * WED",
            "cron(0 9 1 JUL ? *)         | 0 0 9 1 JUL *",
            "cron(0 9 1 JUN-JUL ? *)     | 0 0 9 1 JUN-JUL *",
    })
    void monthAndWeekdayNamesContainingLOrWAreNotOperators(String expression, String ncrontab) {
        Schedules.Conversion conversion = Schedules.convert(expression);
        assertThat(conversion.ncrontab()).isEqualTo(ncrontab);
        assertThat(conversion.exact()).as(conversion.note()).isTrue();
    }

    /**
     * BUG: a rate in minutes that is a whole number of hours (or in hours that is a whole number of days) is
     * written as a minute (hour) step larger than the field: rate(120 minutes) becomes "0 *&#47;120 * * * *", which
     * matches only minute 0 and so fires every hour — twice as often — although "0 0 *&#47;2 * * *" is exact.
     * rate(48 hours) becomes "0 0 *&#47;48 * * *", which fires daily; the nearest is every second day.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "rate(120 minutes)   | 0 0 */2 * * *   | true",
            "rate(180 minutes)   | 0 0 */3 * * *   | true",
            "rate(1440 minutes)  | 0 0 0 * * *     | true",
            "rate(48 hours)      | 0 0 0 */2 * *   | false",
    })
    void ratesLongerThanTheirUnitUseTheNextUnit(String expression, String ncrontab, boolean exact) {
        Schedules.Conversion conversion = Schedules.convert(expression);
        assertThat(conversion.ncrontab()).isEqualTo(ncrontab);
        assertThat(conversion.exact()).isEqualTo(exact);
    }
}
