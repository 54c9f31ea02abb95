using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HighPerf.Testing.Redis;

/// <summary>Speaks just enough RESP over a raw socket to ask a Redis server whether it is up.</summary>
public static class RedisPing
{
    private static readonly byte[] PingCommand = "*1\r\n$4\r\nPING\r\n"u8.ToArray();

    /// <summary>Sends PING to 127.0.0.1:<paramref name="port"/> and returns the first reply line (<c>+PONG</c> when up).</summary>
    /// <exception cref="SocketException">Nothing accepts connections on the port.</exception>
    public static async Task<string> SendAsync(int port, CancellationToken cancellationToken = default)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
        await socket.SendAsync(PingCommand, SocketFlags.None, cancellationToken);

        var reply = new StringBuilder();
        var buffer = new byte[256];
        while (!reply.ToString().EndsWith("\r\n", StringComparison.Ordinal))
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
            if (read == 0)
            {
                break;
            }

            reply.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return reply.ToString().TrimEnd('\r', '\n');
    }

    /// <summary>True when the server on <paramref name="port"/> answers PING with PONG.</summary>
    public static async Task<bool> IsAnsweringAsync(int port, CancellationToken cancellationToken = default)
    {
        try
        {
            return await SendAsync(port, cancellationToken) == "+PONG";
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
