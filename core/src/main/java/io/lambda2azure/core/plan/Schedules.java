package io.lambda2azure.core.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EventBridge schedule expressions to the NCRONTAB expressions of the Azure Functions timer trigger
 * ({second} {minute} {hour} {day} {month} {day-of-week}, in UTC unless the app sets a time zone).
 * Sources: learn.microsoft.com/azure/azure-functions/functions-bindings-timer (NCRONTAB) and
 * docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html (rate and cron); the
 * differences are listed in docs/azure-facts.md §7.
 */
final class Schedules {

    private Schedules() {
    }

    /**
     * The conversion of one expression.
     *
     * @param ncrontab the NCRONTAB expression (the nearest one when not exact)
     * @param exact    whether it fires at exactly the same times
     * @param note     what differs, when not exact
     */
    record Conversion(String ncrontab, boolean exact, String note) {
    }

    private static final Pattern RATE = Pattern.compile("rate\\(\\s*(\\d+)\\s+(minute|minutes|hour|hours|day|days)\\s*\\)");
    private static final Pattern CRON = Pattern.compile("cron\\((.*)\\)");
    private static final Pattern NAMES = Pattern.compile("(?i)JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC"
            + "|SUN|MON|TUE|WED|THU|FRI|SAT");

    static Conversion convert(String expression) {
        String text = expression.strip();
        Matcher rate = RATE.matcher(text);
        if (rate.matches()) {
            return rate(Integer.parseInt(rate.group(1)), rate.group(2));
        }
        Matcher cron = CRON.matcher(text);
        if (cron.matches()) {
            return cron(cron.group(1).strip().split("\\s+"));
        }
        if (text.startsWith("at(")) {
            return new Conversion("0 0 0 1 1 *", false, "one-time schedules (" + text + ") have no NCRONTAB"
                    + " equivalent; the timer fires yearly on 1 January instead and the function must check the date");
        }
        return new Conversion("0 0 0 1 1 *", false, "'" + text + "' is not a rate() or cron() expression");
    }

    private static Conversion rate(int value, String unit) {
        if (value <= 0) {
            return new Conversion("0 0 0 1 1 *", false, "rate(" + value + " " + unit + ") never fires on AWS either");
        }
        if (unit.startsWith("minute") && value % 60 == 0) {
            return rate(value / 60, "hours");
        }
        if (unit.startsWith("hour") && value % 24 == 0) {
            return rate(value / 24, "days");
        }
        if (unit.startsWith("minute")) {
            return value == 1 ? new Conversion("0 * * * * *", true, "")
                    : new Conversion("0 */" + value + " * * * *", 60 % value == 0,
                    "every " + value + " minutes restarts at each full hour in NCRONTAB");
        }
        if (unit.startsWith("hour")) {
            return value == 1 ? new Conversion("0 0 * * * *", true, "")
                    : new Conversion("0 0 */" + value + " * * *", 24 % value == 0,
                    "every " + value + " hours restarts at midnight in NCRONTAB");
        }
        return value == 1 ? new Conversion("0 0 0 * * *", true, "")
                : new Conversion("0 0 0 */" + value + " * *", false,
                "every " + value + " days restarts on the first of each month in NCRONTAB");
    }

    private static Conversion cron(String[] fields) {
        if (fields.length != 6) {
            return new Conversion("0 0 0 1 1 *", false, "an EventBridge cron expression has 6 fields, this one has "
                    + fields.length);
        }
        List<String> notes = new ArrayList<>();
        String minute = plain(fields[0], "minutes", notes);
        String hour = plain(fields[1], "hours", notes);
        String day = plain(question(fields[2]), "day-of-month", notes);
        String month = plain(fields[3], "month", notes);
        String weekday = weekday(question(fields[4]), notes);
        if (!"*".equals(fields[5]) && !"?".equals(fields[5])) {
            notes.add("the year field (" + fields[5] + ") has no NCRONTAB equivalent and is dropped");
        }
        String ncrontab = "0 " + minute + " " + hour + " " + day + " " + month + " " + weekday;
        return new Conversion(ncrontab, notes.isEmpty(), String.join("; ", notes));
    }

    private static String question(String field) {
        return "?".equals(field) ? "*" : field;
    }

    /** A field NCRONTAB reads the same way; L, W and # have no equivalent. */
    private static String plain(String field, String name, List<String> notes) {
        // Month and weekday names (JUL, WED) contain the letters L and W; only what is left are operators.
        String operators = NAMES.matcher(field).replaceAll("").toUpperCase(Locale.ROOT);
        if (operators.contains("L") || operators.contains("W") || operators.contains("#")) {
            notes.add("'" + field + "' in the " + name + " field (last, weekday or nth) has no NCRONTAB equivalent;"
                    + " every value (*) is used instead");
            return "*";
        }
        return field;
    }

    /** AWS numbers days of the week 1 (Sunday) to 7; NCRONTAB 0 (Sunday) to 6. Names are the same. */
    private static String weekday(String field, List<String> notes) {
        String plain = plain(field, "day-of-week", notes);
        if ("*".equals(plain)) {
            return plain;
        }
        StringBuilder out = new StringBuilder();
        Matcher number = Pattern.compile("\\d+").matcher(plain);
        int last = 0;
        while (number.find()) {
            out.append(plain, last, number.start());
            boolean step = number.start() > 0 && plain.charAt(number.start() - 1) == '/';
            int value = Integer.parseInt(number.group());
            out.append(step ? value : value - 1);
            last = number.end();
        }
        out.append(plain.substring(last));
        return out.toString().toUpperCase(Locale.ROOT);
    }
}
