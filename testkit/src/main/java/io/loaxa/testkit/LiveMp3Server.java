package io.loaxa.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for an Icecast server on 127.0.0.1, speaking plain HTTP/1.0 over a socket as Icecast
 * does: serves one MP3 (looped) as a live stream, a one
 * second burst on connect and then at its bit rate, as a real relay source does. It can be told to
 * drop the first connection after some audio and refuse new ones for a while, as a flaky uplink.
 */
public final class LiveMp3Server implements AutoCloseable {
  private final ServerSocket socket;
  private final byte[] mp3;
  private final int bytesPerSecond;
  private final int loopFrom;
  private final AtomicInteger connections = new AtomicInteger();
  private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "live-mp3-server");
    t.setDaemon(true);
    return t;
  });
  private volatile long dropAfterBytes = -1;
  private volatile long refuseUntilNanos;
  private volatile Duration refuseFor = Duration.ZERO;

  /**
   * @param mp3 a constant-bit-rate MP3
   * @param kbps its bit rate
   */
  public LiveMp3Server(byte[] mp3, int kbps) throws IOException {
    this.mp3 = mp3;
    this.bytesPerSecond = kbps * 1000 / 8;
    this.loopFrom = firstAudioFrame(mp3);
    this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    workers.execute(this::acceptLoop);
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/live.mp3");
  }

  /** The first connection ends after {@code audio} of stream; connections in the next {@code refuse} get 503. */
  public void dropFirstConnectionAfter(Duration audio, Duration refuse) {
    this.dropAfterBytes = audio.toMillis() * bytesPerSecond / 1000;
    this.refuseFor = refuse;
  }

  public int connections() {
    return connections.get();
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        workers.execute(() -> serve(client));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket client) {
    int number = connections.incrementAndGet();
    try (client; OutputStream out = client.getOutputStream()) {
      readRequestHead(client.getInputStream());
      if (System.nanoTime() < refuseUntilNanos) {
        out.write("HTTP/1.0 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return;
      }
      out.write(("HTTP/1.0 200 OK\r\nContent-Type: audio/mpeg\r\nicy-name: loaxa test relay\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      long limit = number == 1 ? dropAfterBytes : -1;
      long sent = 0;
      int at = 0;
      long started = System.nanoTime();
      int step = bytesPerSecond / 10;
      while (true) {
        // one second ahead on connect, then real time
        long allowed = bytesPerSecond + (System.nanoTime() - started) * bytesPerSecond / 1_000_000_000L;
        if (sent >= allowed) {
          Thread.sleep(20); // pacing a stand-in live source
          continue;
        }
        int n = Math.min(step, mp3.length - at);
        if (limit >= 0 && sent + n > limit) {
          n = (int) (limit - sent);
        }
        out.write(mp3, at, n);
        out.flush();
        sent += n;
        at += n;
        if (at >= mp3.length) {
          at = loopFrom;
        }
        if (limit >= 0 && sent >= limit) {
          refuseUntilNanos = System.nanoTime() + refuseFor.toNanos();
          return; // the uplink drops
        }
      }
    } catch (IOException e) {
      // the listener hung up: the end of its connection
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void readRequestHead(InputStream in) throws IOException {
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    for (int count = 0; count < 16_384; count++) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("request ended early");
      }
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
      if (matched == 4) {
        return;
      }
    }
    throw new IOException("request head too long");
  }

  /** Where the audio frames start, past an ID3 tag and the Info frame, so the loop repeats only audio. */
  private static int firstAudioFrame(byte[] mp3) {
    int pos = 0;
    if (mp3.length > 10 && mp3[0] == 'I' && mp3[1] == 'D' && mp3[2] == '3') {
      pos = 10 + (((mp3[6] & 0x7F) << 21) | ((mp3[7] & 0x7F) << 14) | ((mp3[8] & 0x7F) << 7) | (mp3[9] & 0x7F));
    }
    int info = indexOf(mp3, pos, "Info", 64);
    int xing = indexOf(mp3, pos, "Xing", 64);
    if (info < 0 && xing < 0) {
      return pos;
    }
    // skip the Info frame by its own length (MPEG-1 or 2 layer III, as lame writes)
    int b1 = mp3[pos + 1] & 0xFF;
    int b2 = mp3[pos + 2] & 0xFF;
    boolean mpeg1 = (b1 & 0x08) != 0;
    int[] kbps = mpeg1 ? new int[] {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320}
        : new int[] {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160};
    int[] rates = mpeg1 ? new int[] {44_100, 48_000, 32_000} : new int[] {22_050, 24_000, 16_000};
    int bitrate = kbps[(b2 >> 4) & 0xF] * 1000;
    int rate = rates[Math.min(2, (b2 >> 2) & 3)];
    return pos + (mpeg1 ? 144 : 72) * bitrate / rate + ((b2 >> 1) & 1);
  }

  private static int indexOf(byte[] data, int from, String text, int within) {
    byte[] t = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    for (int p = from; p < Math.min(data.length - t.length, from + within); p++) {
      boolean match = true;
      for (int i = 0; i < t.length && match; i++) {
        match = data[p + i] == t[i];
      }
      if (match) {
        return p;
      }
    }
    return -1;
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed: nothing to release
    }
    workers.shutdownNow();
  }
}
