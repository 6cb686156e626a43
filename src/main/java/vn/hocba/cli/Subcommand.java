package vn.hocba.cli;

import java.io.PrintStream;
import java.util.List;

/** One sub-command of {@code java -jar hocba.jar COMMAND ...}. */
public interface Subcommand {

    /** The word typed after the jar, e.g. {@code results}. */
    String name();

    /** One line for {@code --help}: arguments and what it does. */
    String usage();

    /**
     * Runs the command.
     *
     * @return the process exit status: 0 on success, 1 on invalid input, 2 on wrong usage
     */
    int run(List<String> args, PrintStream out, PrintStream err);
}
