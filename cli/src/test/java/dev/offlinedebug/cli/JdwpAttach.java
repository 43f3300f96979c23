package dev.offlinedebug.cli;

import com.sun.jdi.Bootstrap;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.AttachingConnector;
import com.sun.jdi.connect.Connector;
import java.util.Map;

/** Attaches JDI, as an IDE's debugger does, to the JDWP socket a {@code replay --jdwp} JVM opened. */
final class JdwpAttach {
  private JdwpAttach() {}

  static VirtualMachine attach(String host, String port) throws Exception {
    AttachingConnector socket = Bootstrap.virtualMachineManager().attachingConnectors().stream()
        .filter(c -> c.transport().name().equals("dt_socket")).findFirst().orElseThrow();
    Map<String, Connector.Argument> arguments = socket.defaultArguments();
    arguments.get("hostname").setValue(host);
    arguments.get("port").setValue(port);
    return socket.attach(arguments);
  }
}
