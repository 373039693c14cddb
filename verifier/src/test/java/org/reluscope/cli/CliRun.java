package org.reluscope.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the command line in-process: exit code and everything written to stdout and stderr. */
record CliRun(int code, String out, String err) {
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(code, out.toString(), err.toString());
    }
}
