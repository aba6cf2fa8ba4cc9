package org.vendinghub.sts.cli;

import java.io.PrintStream;

import org.vendinghub.sts.SecurityModuleException;

/**
 * {@code java -jar sts-cli.jar generate|decode|keychange|bench [options]}: one JSON object on stdout;
 * on error a non-zero exit code and one message on stderr (1: a rule was broken, 2: wrong usage).
 * {@link #run(String[], PrintStream, PrintStream)} is the testable entry point.
 */
public final class StsCli {

    public static final int OK = 0;
    public static final int ERROR = 1;
    public static final int USAGE = 2;
    public static final int INTERNAL = 3;

    static final String USAGE_TEXT = String.join("\n",
            "usage: sts-cli <command> [--option value ...]",
            "  generate  --vk HEX --dkga 02|04 --ea 07|11 --pan 18DIGITS (or --iin --drn) --kt N --sgc 6DIGITS",
            "            --ti NN --krn N --base-date 1993|2014|2035 --class C --subclass S [--rnd N]",
            "            (--tid N | --issued-at YYYY-MM-DDTHH:MM)",
            "            --units DECIMAL | --currency DECIMAL | --raw N | --watts N | --register N | --pad N",
            "            | --rate N | --factor N;   class 1: --class 1 --subclass 0|1 --mfr N --control HEX",
            "  decode    --token 20DIGITS plus the key options",
            "  keychange the key options plus --new-vk --new-sgc --new-ti --new-krn --new-kt [--new-dkga --new-ea",
            "            --new-base-date] [--ken 255] [--ro 0|1]",
            "  bench     [--seconds N]",
            "  all commands: [--sta-tables FILE] for production STA tables (default: sample tables, test tokens)");

    private StsCli() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        System.out.flush();
        if (code != OK) {
            System.exit(code);
        }
    }

    /** Runs one command; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            (args.length == 0 ? err : out).println(USAGE_TEXT);
            return args.length == 0 ? USAGE : OK;
        }
        try {
            Args a = new Args(args, 1);
            out.println(dispatch(args[0], a));
            return OK;
        } catch (Args.UsageException e) {
            err.println("error: " + e.getMessage() + " (sts-cli help for usage)");
            return USAGE;
        } catch (IllegalArgumentException | IllegalStateException | SecurityModuleException e) {
            err.println("error: " + e.getMessage());
            return ERROR;
        } catch (RuntimeException e) {
            err.println("internal error: " + e);
            return INTERNAL;
        }
    }

    private static String dispatch(String command, Args a) {
        switch (command) {
            case "generate":
                return Commands.generate(a);
            case "decode":
                return Commands.decode(a);
            case "keychange":
                return Commands.keyChange(a);
            case "bench":
                long seconds = a.has("seconds") ? a.longValue("seconds") : 2;
                a.checkAllUsed();
                return Bench.run(seconds);
            default:
                throw new Args.UsageException("unknown command '" + command + "'");
        }
    }
}
