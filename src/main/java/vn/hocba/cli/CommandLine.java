package vn.hocba.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Dispatches {@code java -jar hocba.jar COMMAND ...} to a {@link Subcommand}. Anything that is
 * not a known command or {@code --help} starts the server instead (Spring options such as
 * {@code --server.port=9090} included).
 */
public final class CommandLine {

    private static final List<Subcommand> COMMANDS = List.of(new ResultsCommand(), new SamplesCommand(), new VerifyCommand(),
            new AuditCommand(), new AccountCommand(), new BackupCommand(), new RestoreCommand(), new AgentCommand(),
            new DevTokensCommand(), new DemoCloseClassCommand(),
            new StorageCommand());

    /** The Spring Boot application class, for commands that need the database (set by {@link #run}). */
    private static Class<?> application;

    private CommandLine() {
    }

    /** True when the arguments name a sub-command or ask for help. */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && (isHelp(args[0]) || find(args[0]).isPresent());
    }

    /**
     * Runs the command named by {@code args[0]} and returns its exit status; {@code springApplication}
     * is started (without web server) by commands that need the database.
     */
    public static int run(String[] args, Class<?> springApplication) {
        application = springApplication;
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        if (isHelp(args[0])) {
            printHelp(out);
            return 0;
        }
        Subcommand command = find(args[0]).orElseThrow();
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (rest.size() == 1 && isHelp(rest.get(0))) {
            out.println("Usage: java -jar hocba.jar " + command.usage());
            return 0;
        }
        return command.run(rest, out, err);
    }

    static Class<?> application() {
        return application;
    }

    static List<Subcommand> commands() {
        return COMMANDS;
    }

    private static Optional<Subcommand> find(String name) {
        return COMMANDS.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    private static boolean isHelp(String arg) {
        return arg.equals("--help") || arg.equals("-h") || arg.equals("help");
    }

    private static void printHelp(PrintStream out) {
        out.println("HocBa - sổ điểm điện tử và học bạ số");
        out.println();
        out.println("Usage:");
        out.println("  java -jar hocba.jar                 start the web server (http://localhost:8080)");
        for (Subcommand c : COMMANDS) {
            out.println("  java -jar hocba.jar " + c.usage());
        }
        out.println("  java -jar hocba.jar --help          this list");
    }
}
