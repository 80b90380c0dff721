package io.camelcount.component.login;

import java.io.IOException;
import java.io.PrintWriter;

import io.camelcount.component.CountException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The commands shipped with the component, run as {@code java -jar camel-count-<version>-login.jar login ...} (the
 * jar with the component, its dependencies and picocli, which the component itself does not need at run time).
 */
@Command(name = "camel-count", mixinStandardHelpOptions = true, versionProvider = CountCli.Version.class,
         subcommands = LoginCommand.class,
         description = "Commands for the count: Camel component.")
public final class CountCli {

    private CountCli() {
    }

    public static void main(String[] args) {
        // No logging back end is shipped with the command: SLF4J's warning about it would only confuse a user.
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /**
     * Runs a command line and answers its exit code: 0 done, 1 the login failed (the reason on {@code err}), 2 a
     * usage error.
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new CountCli());
        commandLine.setOut(out);
        commandLine.setErr(err);
        // A login's failures carry the fix in their message; a stack trace would bury it.
        commandLine.setExecutionExceptionHandler((failure, failed, parsed) -> {
            if (!(failure instanceof CountException || failure instanceof IOException)) {
                throw failure;
            }
            failed.getErr().println("Login failed: " + failure.getMessage());
            return 1;
        });
        return commandLine.execute(args);
    }

    /** The jar's version, from its manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = CountCli.class.getPackage().getImplementationVersion();
            return new String[] {"camel-count " + (version == null ? "(development build)" : version)};
        }
    }
}
