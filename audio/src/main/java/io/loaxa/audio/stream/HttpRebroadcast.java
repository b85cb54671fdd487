package io.loaxa.audio.stream;

import io.loaxa.audio.AudioDecoder;
import io.loaxa.audio.AudioException;
import io.loaxa.audio.AudioLimits;
import io.loaxa.audio.Gap;
import io.loaxa.audio.LiveBuffer;
import io.loaxa.audio.PcmFormat;
import io.loaxa.audio.PcmSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A live MP3 stream aired for exactly {@code length}. {@link #connect} starts fetching at once and
 * returns when {@link Settings#prebuffer} of audio is in hand, so the airing can start on its
 * second; until the first read it keeps only the latest prebuffer (the relay stays live). While
 * airing, a stream that stalls or drops is fetched again; the airing goes on with silence meanwhile
 * and each such stretch is reported in {@link #dropouts()}. Reads never block: the output line paces
 * the airing. One background thread per rebroadcast fetches and decodes.
 */
public final class HttpRebroadcast implements PcmSource {
  private static final Logger LOG = LoggerFactory.getLogger(HttpRebroadcast.class);

  /**
   * @param prebuffer audio held before the first read and again before resuming after a drop
   * @param maxBuffer most audio held while airing; a faster-than-live server is slowed to this
   * @param connectTimeout how long {@link #connect} waits for the prebuffer
   * @param stallTimeout no bytes for this long counts as a drop
   * @param retryPause wait between reconnection attempts
   */
  public record Settings(Duration prebuffer, Duration maxBuffer, Duration connectTimeout, Duration stallTimeout,
      Duration retryPause) {
    // the sound card keeps about a second queued: three seconds in hand leave two for the network
    public static final Settings DEFAULT = new Settings(Duration.ofSeconds(3), Duration.ofSeconds(10),
        Duration.ofSeconds(10), Duration.ofSeconds(3), Duration.ofMillis(500));
  }

  private final URI url;
  private final AudioDecoder decoder;
  private final PcmFormat format;
  private final Settings settings;
  private final LiveBuffer buffer;
  private final Thread fetcher;
  private long bytesReceived;
  private volatile Socket current;
  private static final int MAX_REDIRECTS = 5;

  private HttpRebroadcast(URI url, Duration length, AudioDecoder decoder, PcmFormat format, Settings settings) {
    this.url = url;
    this.decoder = decoder;
    this.format = format;
    this.settings = settings;
    this.buffer = new LiveBuffer(format, settings.prebuffer(), settings.maxBuffer(), length, "stream lost");
    this.fetcher = new Thread(this::fetchLoop, "rebroadcast " + url.getHost());
    fetcher.setDaemon(true);
  }

  /**
   * Starts fetching {@code url} and waits until the prebuffer is full.
   *
   * @throws AudioException when the stream cannot be had (refused, not MP3, silent server) within
   *     the connect timeout, saying what went wrong
   */
  public static HttpRebroadcast connect(URI url, Duration length, AudioDecoder decoder, PcmFormat format,
      Settings settings) throws AudioException {
    return open(url, length, decoder, format, settings, true);
  }

  /**
   * Starts fetching {@code url} and returns once the first audio has arrived; the prebuffer goes on
   * filling (during the amplifier's warm-up) and a read before it is full airs silence, reported.
   *
   * @throws AudioException as {@link #connect} does
   */
  public static HttpRebroadcast start(URI url, Duration length, AudioDecoder decoder, PcmFormat format,
      Settings settings) throws AudioException {
    return open(url, length, decoder, format, settings, false);
  }

  private static HttpRebroadcast open(URI url, Duration length, AudioDecoder decoder, PcmFormat format,
      Settings settings, boolean full) throws AudioException {
    if (!"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme())) {
      throw new AudioException("rebroadcast address must be http or https: " + url);
    }
    HttpRebroadcast stream = new HttpRebroadcast(url, length, decoder, format, settings);
    stream.fetcher.start();
    try {
      boolean ready = full ? stream.buffer.awaitPrebuffer(settings.connectTimeout())
          : stream.buffer.awaitFirstAudio(settings.connectTimeout());
      if (!ready) {
        String why = stream.buffer.lastProblem();
        stream.close();
        throw new AudioException("rebroadcast " + url + " not ready within " + settings.connectTimeout().toSeconds()
            + " s: " + (why.isEmpty() ? "no audio arrived" : why));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stream.close();
      throw new AudioException("interrupted while connecting to " + url, e);
    }
    return stream;
  }

  @Override
  public PcmFormat format() {
    return format;
  }

  /** Bytes of the stream received so far, over every connection. */
  public synchronized long bytesReceived() {
    return bytesReceived;
  }

  private synchronized void countBytes(int n) {
    bytesReceived += n;
  }

  @Override
  public int read(float[] target, int frames) {
    return buffer.read(target, frames);
  }

  @Override
  public List<Gap> dropouts() {
    return buffer.dropouts();
  }

  private void fetchLoop() {
    boolean lost = false;
    while (!buffer.done()) {
      try {
        fetchOnce();
        if (!buffer.done()) {
          buffer.problem("the server ended the stream");
        }
      } catch (AudioException | IOException e) {
        buffer.problem(e.getMessage());
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        buffer.problem(e.toString());
      }
      if (buffer.done()) {
        return;
      }
      if (!lost) {
        LOG.warn("rebroadcast {} lost ({}); reconnecting", url, buffer.lastProblem());
        lost = true;
      }
      try {
        buffer.idle(settings.retryPause());
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void fetchOnce() throws IOException, InterruptedException, AudioException {
    URI at = url;
    for (int redirects = 0;; redirects++) {
      Socket socket = open(at);
      try {
        StallWatch in = new StallWatch(socket.getInputStream(), at.toString());
        String path = (at.getRawPath() == null || at.getRawPath().isEmpty() ? "/" : at.getRawPath())
            + (at.getRawQuery() == null ? "" : "?" + at.getRawQuery());
        String host = at.getHost() + (at.getPort() > 0 ? ":" + at.getPort() : "");
        // HTTP/1.0: a stream server then sends the body as it is, never in chunks
        socket.getOutputStream().write(("GET " + path + " HTTP/1.0\r\nHost: " + host
            + "\r\nUser-Agent: loaxa\r\nAccept: audio/mpeg, */*\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        StreamHead head = StreamHead.read(in, at.toString());
        Optional<String> next = head.redirect();
        if (next.isPresent()) {
          if (redirects == MAX_REDIRECTS) {
            throw AudioLimits.refusal("luồng " + url + " chuyển hướng quá " + MAX_REDIRECTS + " lần",
                "stream " + url + " redirects more than " + MAX_REDIRECTS + " times");
          }
          at = at.resolve(next.get().trim());
          continue;
        }
        head.requireMp3(at.toString());
        InputStream body = head.metaint().isPresent() ? new IcyMetadataStream(in, head.metaint().getAsInt()) : in;
        airBody(in, body);
        return;
      } finally {
        socket.close();
        current = null;
      }
    }
  }

  private void airBody(StallWatch watch, InputStream body) throws AudioException, InterruptedException {
    try (PcmSource decoded = decoder.stream(body, url.toString()).convertedTo(format)) {
      int channels = format.channels();
      float[] chunk = new float[format.sampleRate() / 20 * channels];
      int got;
      while (!buffer.done() && (got = decoded.read(chunk, chunk.length / channels)) >= 0) {
        buffer.push(chunk, got);
      }
    } catch (AudioException e) {
      // the decoder words a stall as its own failure; the stall is what the operator needs to know
      if (watch.stall != null) {
        throw new AudioException(watch.stall, e);
      }
      throw e;
    }
  }

  private Socket open(URI at) throws IOException, AudioException {
    boolean tls = "https".equalsIgnoreCase(at.getScheme());
    if (!tls && !"http".equalsIgnoreCase(at.getScheme()) || at.getHost() == null) {
      throw AudioLimits.refusal("địa chỉ tiếp âm phải là http hoặc https: " + at,
          "a rebroadcast address must be http or https: " + at);
    }
    int port = at.getPort() > 0 ? at.getPort() : tls ? 443 : 80;
    Socket socket = tls ? SSLSocketFactory.getDefault().createSocket() : new Socket();
    current = socket;
    if (buffer.done()) {
      socket.close();
      throw new java.io.InterruptedIOException("rebroadcast closed");
    }
    try {
      socket.connect(new InetSocketAddress(at.getHost(), port), (int) settings.connectTimeout().toMillis());
      socket.setSoTimeout((int) Math.max(1, settings.stallTimeout().toMillis()));
      if (socket instanceof SSLSocket ssl) {
        SSLParameters parameters = ssl.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        ssl.setSSLParameters(parameters);
        ssl.startHandshake();
      }
    } catch (SocketTimeoutException e) {
      socket.close();
      throw new IOException("no answer within " + settings.connectTimeout().toSeconds() + " s", e);
    } catch (IOException e) {
      socket.close();
      throw new IOException("cannot connect: " + e.getMessage(), e);
    }
    return socket;
  }

  @Override
  public void close() {
    buffer.close();
    fetcher.interrupt();
    Socket socket = current;
    if (socket != null) {
      try {
        socket.close(); // a blocked read ends at once
      } catch (IOException e) {
        LOG.debug("closing the rebroadcast socket of {}: {}", url, e.getMessage());
      }
    }
  }

  /**
   * The socket's bytes, counted; a read that waits longer than the stall timeout refuses the stream
   * (the airing goes on with silence and the stream is fetched again).
   */
  private final class StallWatch extends java.io.FilterInputStream {
    private final String name;
    private volatile String stall;

    StallWatch(InputStream in, String name) {
      super(in);
      this.name = name;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (buffer.done()) {
        return -1;
      }
      try {
        int n = in.read(b, off, len);
        if (n > 0) {
          countBytes(n);
        }
        return n;
      } catch (SocketTimeoutException e) {
        stall = "luồng " + name + " ngừng gửi dữ liệu quá " + settings.stallTimeout().toMillis() + " ms (stream " + name
            + " sent nothing for more than " + settings.stallTimeout().toMillis() + " ms)";
        throw new IOException(stall, e);
      }
    }
  }
}
