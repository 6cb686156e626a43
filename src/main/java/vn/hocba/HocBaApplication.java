package vn.hocba;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import vn.hocba.cli.CommandLine;

/**
 * HocBa: the electronic gradebook and digital transcript of a Vietnamese secondary school.
 *
 * <p>With no arguments (or only Spring {@code --key=value} options) the web server starts. With a
 * sub-command ({@code results}, {@code samples}, {@code verify}, ...) that command runs without a
 * web server and the process exits with its status.
 */
@SpringBootApplication
public class HocBaApplication {

    public static void main(String[] args) {
        if (CommandLine.isCommand(args)) {
            System.exit(CommandLine.run(args, HocBaApplication.class));
        }
        SpringApplication.run(HocBaApplication.class, args);
    }
}
