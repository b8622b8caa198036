package io.lambda2azure.cli;

import io.lambda2azure.Lambda2Azure;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The {@code lambda2azure} command line.
 *
 * <p>Exit codes: {@value #EXIT_OK} success, {@value #EXIT_USAGE} usage or input error (bad arguments, a
 * missing or invalid template), {@value #EXIT_INTERNAL} internal error (a bug: please report it). No stack
 * trace is ever printed unless the environment variable {@value #DEBUG_VARIABLE} is set to a non-empty
 * value.
 */
public final class Main {

    /** Success. */
    public static final int EXIT_OK = 0;
    /** Bad arguments or bad input: the user can fix it. */
    public static final int EXIT_USAGE = 2;
    /** An internal error ({@code EX_SOFTWARE} of sysexits.h). */
    public static final int EXIT_INTERNAL = 70;
    /** Set to a non-empty value to get stack traces of internal errors. */
    public static final String DEBUG_VARIABLE = "LAMBDA2AZURE_DEBUG";

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(out, err, System.getenv(), args);
        System.exit(code);
    }

    /**
     * Runs the command line in-process.
     *
     * @param out  standard output
     * @param err  standard error
     * @param env  the environment (only {@value #DEBUG_VARIABLE} is read)
     * @param args the arguments
     * @return the exit code
     */
    public static int run(PrintWriter out, PrintWriter err, Map<String, String> env, String... args) {
        return run(out, err, env, (input, kind) -> kind.isPresent() ? Lambda2Azure.read(input, kind.get())
                : Lambda2Azure.read(input), args);
    }

    /** As {@link #run(PrintWriter, PrintWriter, Map, String...)}, reading templates with {@code reader}. */
    static int run(PrintWriter out, PrintWriter err, Map<String, String> env, TemplateReader reader,
                   String... args) {
        boolean debug = isDebug(env);
        try {
            return commandLine(out, err, debug, reader).execute(args);
        } catch (Throwable e) { // picocli reports everything thrown by commands; this is the last resort
            return internalError(err, e, debug);
        } finally {
            out.flush();
            err.flush();
        }
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err, boolean debug, TemplateReader reader) {
        CommandLine commandLine = new CommandLine(new Lambda2AzureCommand());
        commandLine.addSubcommand("inspect", new InspectCommand(reader));
        commandLine.addSubcommand("convert", new ConvertCommand());
        commandLine.addSubcommand("explain", new ExplainCommand());
        commandLine.addSubcommand("help", new CommandLine.HelpCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler(Main::usageError);
        commandLine.setExecutionExceptionHandler((e, cl, parseResult) -> internalError(cl.getErr(), e, debug));
        return commandLine;
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println(commandLine.getCommandSpec().qualifiedName() + ": error: " + oneLine(e.getMessage()));
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return EXIT_USAGE;
    }

    static int internalError(PrintWriter err, Throwable e, boolean debug) {
        String message = e.getMessage() == null ? "" : ": " + oneLine(e.getMessage());
        err.println("lambda2azure: internal error: " + e.getClass().getName() + message
                + (debug ? "" : " (set " + DEBUG_VARIABLE + "=1 for the stack trace; please report this)"));
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return EXIT_INTERNAL;
    }

    private static boolean isDebug(Map<String, String> env) {
        String value = env.get(DEBUG_VARIABLE);
        return value != null && !value.isEmpty();
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
