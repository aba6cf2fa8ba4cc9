package org.vendinghub.connectors.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * An SMTP server that says yes to everything except the commands given a scripted reply: the refusals
 * (550 unknown user, 451 try later, 554 sender blocked) that GreenMail does not play. One connection at a time.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Map<String, String> replies;

    /** @param replies reply line per command verb ({@code "RCPT" -> "550 5.1.1 User unknown"}) */
    ScriptedSmtpServer(Map<String, String> replies) throws IOException {
        this.socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        this.replies = replies;
        Thread thread = new Thread(this::serve, "scripted-smtp-" + socket.getLocalPort());
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept();
                 BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                 PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII)) {
                converse(in, out);
            } catch (IOException closed) {
                // the test closed the server, or the client hung up: wait for the next connection, if any
            }
        }
    }

    private void converse(BufferedReader in, PrintWriter out) throws IOException {
        reply(out, "220 scripted.test ESMTP");
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
            String scripted = replies.get(verb);
            if (scripted != null) {
                reply(out, scripted);
            } else if (verb.equals("DATA")) {
                reply(out, "354 end with <CRLF>.<CRLF>");
                for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
                    // swallow the message
                }
                reply(out, "250 2.0.0 queued");
            } else if (verb.equals("QUIT")) {
                reply(out, "221 2.0.0 bye");
                return;
            } else {
                reply(out, "250 ok");
            }
        }
    }

    private static void reply(PrintWriter out, String line) {
        out.print(line + "\r\n");
        out.flush();
    }
}
