package dev.offlinedebug.cli;

import dev.offlinedebug.DumpStore;
import dev.offlinedebug.spi.TerminalText;
import java.io.PrintWriter;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code offline-debug serve}: a read-only web viewer of the store, on 127.0.0.1 unless {@code
 * --bind} says otherwise, in which case every request needs the token printed at start.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve a read-only web viewer of the store (list, stats chart, dump pages) on 127.0.0.1.")
final class ServeCommand implements Callable<Integer> {
  static final int DEFAULT_PORT = 7380;

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin StoreOptions store;

  @Option(names = "--port", paramLabel = "N", defaultValue = "" + DEFAULT_PORT,
      description = "The port; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(names = "--bind", paramLabel = "ADDR",
      description = "Listen on ADDR (e.g. 0.0.0.0) instead of 127.0.0.1; requests then need the token printed at start.")
  String bind;

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65_535) {
      throw new ParameterException(spec.commandLine(), "--port must be 0 to 65535, not " + port);
    }
    DumpStore dumps = store.openForLoading();
    String location = store.absoluteLocation();
    InetAddress address = InetAddress.getByName(bind == null ? "127.0.0.1" : bind);
    String token = bind == null ? null : HexFormat.of().formatHex(randomBytes());
    DumpViewer viewer = DumpViewer.start(dumps, location, new InetSocketAddress(address, port), token);
    Runtime.getRuntime().addShutdownHook(new Thread(viewer::close, "offline-debug-serve-stop"));
    String host = address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
    String url = "http://" + host + ":" + viewer.address().getPort() + "/";
    PrintWriter out = spec.commandLine().getOut();
    out.println("Serving " + TerminalText.escape(location) + " read-only at "
        + (token == null ? url : url + "?token=" + token));
    if (token != null) {
      out.println("Requests without the token are refused; the URL above carries it.");
    }
    out.println("Press Ctrl+C to stop.");
    out.flush();
    new CountDownLatch(1).await();
    return ExitCode.OK;
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[16];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }
}
