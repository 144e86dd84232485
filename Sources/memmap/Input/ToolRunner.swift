#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import DeviceTree

/// Runs the external tools source input needs (`cpp`, `dtc`, `gzip`) in a private scratch
/// folder; each call's input and outputs are files, so no pipe can fill up and hang.
final class ToolRunner {
  /// What a tool said and how it ended.
  struct Outcome {
    var status: Int32
    var standardError: String
  }

  /// The scratch folder, removed with everything in it when the runner goes away.
  let folder: String

  /// Makes a scratch folder under `$TMPDIR` (or /tmp); nil when none can be made.
  init?() {
    let base = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    var template = Array((base + "/memmap.XXXXXX").utf8CString)
    guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else { return nil }
    folder = String(cString: made)
  }

  deinit {
    if let stream = opendir(folder) {
      while let entry = readdir(stream) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        if name != "." && name != ".." { unlink(folder + "/" + name) }
      }
      closedir(stream)
    }
    rmdir(folder)
  }

  /// Seconds a tool may run before it is stopped: a source that includes `/dev/zero` or a
  /// FIFO would otherwise hang the run. `MEMMAP_TOOL_TIMEOUT` sets another value.
  let timeout: Int = {
    guard let text = getenv("MEMMAP_TOOL_TIMEOUT").map({ String(cString: $0) }), let value = Int(text), value > 0
    else { return 60 }
    return value
  }()

  /// Runs a tool under caps on its memory (1 GiB of address space) and on the files it
  /// writes (1 GiB), which it passes on to what it starts: reading `/dev/zero` fills memory
  /// long before the timeout. The shell's `ulimit` sets them; `exec` then becomes the tool
  /// (`-f` counts 512-byte blocks, `-v` KiB).
  static let limits = ["/bin/sh", "-c", "ulimit -v 1048576 2>/dev/null; ulimit -f 2097152 2>/dev/null; exec \"$0\" \"$@\""]

  /// The wait status of `pid`, or nil after killing it when it ran past `timeout`. Polls
  /// every 5 ms: a tool that takes 50 ms is asked ten times.
  private func wait(for pid: pid_t) -> Int32? {
    var status: Int32 = 0
    let deadline = Self.now() + Double(timeout)
    while true {
      let done = waitpid(pid, &status, WNOHANG)
      if done == pid || (done < 0 && errno != EINTR) { return status }
      if Self.now() > deadline {
        kill(-pid, SIGKILL)
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return nil
      }
      usleep(5000)
    }
  }

  /// Seconds on the monotonic clock.
  private static func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }

  /// The path of `name` in the scratch folder.
  func path(_ name: String) -> String { folder + "/" + name }

  /// Stores `bytes` as `name` in the scratch folder and returns its path; nil when it cannot.
  func keep(_ bytes: [UInt8], as name: String) -> String? {
    let fd = open(path(name), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard fd >= 0 else { return nil }
    let failure = Diagnostics.write(bytes: bytes, to: fd)
    return close(fd) == 0 && failure == nil ? path(name) : nil
  }

  /// Runs `arguments` (the first is looked up in `PATH`) with standard input from `input`
  /// (or /dev/null) and standard output to `output` (or /dev/null); standard error is kept.
  /// A tool that cannot be started ends with status 127 and says why.
  func run(_ arguments: [String], input: String? = nil, output: String? = nil) -> Outcome {
    let errorPath = path("stderr")
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, input ?? "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, output ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    var argv: [UnsafeMutablePointer<CChar>?] = (Self.limits + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    // Its own process group, so that a stop reaches what it starts (cpp runs cc1).
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
    posix_spawnattr_setpgroup(&attributes, 0)
    var pid = pid_t()
    let spawned = posix_spawnp(&pid, Self.limits[0], &actions, &attributes, &argv, environ)
    guard spawned == 0 else {
      return Outcome(status: 127, standardError: "\(arguments[0]): \(String(cString: strerror(spawned)))")
    }
    guard let status = wait(for: pid) else {
      return Outcome(status: 124, standardError: "\(arguments[0]): stopped after \(timeout) s without finishing "
        + "(does the input include a device or a FIFO?)")
    }
    let text = (try? FileBytes.read(path: errorPath, limit: 1 << 20)).map { String(decoding: $0, as: UTF8.self) }
    // WIFEXITED/WEXITSTATUS are macros: a normal exit has the low 7 bits clear.
    let exited = status & 0x7f == 0
    return Outcome(status: exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), standardError: text ?? "")
  }
}
