using System.Net;
using System.Net.Sockets;

namespace HighPerf.Testing.Processes;

/// <summary>Loopback TCP ports for throwaway servers.</summary>
public static class FreeTcpPort
{
    /// <summary>
    /// A port the operating system just reported free on 127.0.0.1. Another process may still take it before the
    /// server binds it, so callers that start a server retry with a new port when binding fails.
    /// </summary>
    public static int Find()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)listener.LocalEndPoint!).Port;
    }

    /// <summary>True when something accepts TCP connections on 127.0.0.1:<paramref name="port"/>.</summary>
    public static async Task<bool> IsAcceptingConnectionsAsync(int port, CancellationToken cancellationToken = default)
    {
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await client.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
