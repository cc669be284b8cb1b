/**
 * A container's file system: its own writable layer (fresh for every container instance, as a
 * restarted container starts from its image again) plus mounted volumes. A volume (emptyDir, a
 * PVC's data, a ConfigMap projection) is one `Volume` object shared by every container that mounts
 * it, so what one container writes the other reads.
 */

export class Volume {
  /** Files by path relative to the volume root ("a/b.txt"), and directories ("a"). */
  readonly files = new Map<string, string>();
  readonly dirs = new Set<string>([""]);
  constructor(readonly readOnly = false) {}
}

export interface Mount {
  /** Absolute, normalised path ("/data"). */
  path: string;
  volume: Volume;
  readOnly: boolean;
}

export type FsError = "ENOENT" | "EISDIR" | "ENOTDIR" | "EROFS" | "EEXIST" | "ENOTEMPTY";

/** A failed read or listing (a file's text is a plain string, so failures are objects). */
export interface FsFail {
  error: FsError;
}

export function isFsFail(x: unknown): x is FsFail {
  return typeof x === "object" && x !== null && "error" in x;
}

/** The message busybox prints after "<cmd>: <path>: " for each error. */
export const FS_ERROR_TEXT: Record<FsError, string> = {
  ENOENT: "No such file or directory",
  EISDIR: "Is a directory",
  ENOTDIR: "Not a directory",
  EROFS: "Read-only file system",
  EEXIST: "File exists",
  ENOTEMPTY: "Directory not empty",
};

/** "/a/./b/../c/" → "/a/c", relative paths resolved against `cwd`. */
export function normalizePath(path: string, cwd = "/"): string {
  const abs = path.startsWith("/") ? path : `${cwd}/${path}`;
  const out: string[] = [];
  for (const seg of abs.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") out.pop();
    else out.push(seg);
  }
  return `/${out.join("/")}`;
}

const ROOT_DIRS = ["bin", "dev", "etc", "home", "proc", "root", "sys", "tmp", "usr", "usr/bin", "var", "var/log", "var/run", "run"];

export class FileSystem {
  private readonly root = new Volume();
  /** Longest mount path first, so the innermost mount wins. */
  private readonly mounts: Mount[];
  cwd = "/";

  constructor(mounts: Mount[] = [], files: Record<string, string> = {}) {
    for (const d of ROOT_DIRS) this.root.dirs.add(d);
    this.mounts = [...mounts].sort((a, b) => b.path.length - a.path.length);
    for (const m of this.mounts) mkdirAll(this.root, m.path.slice(1));
    for (const [p, content] of Object.entries(files)) {
      const r = this.locate(normalizePath(p));
      mkdirAll(r.volume, parentOf(r.rel));
      r.volume.files.set(r.rel, content);
    }
  }

  /** The volume and relative path an absolute path lands in. */
  private locate(abs: string): { volume: Volume; rel: string; readOnly: boolean } {
    for (const m of this.mounts) {
      if (abs === m.path || abs.startsWith(`${m.path}/`)) {
        return { volume: m.volume, rel: abs.slice(m.path.length + 1), readOnly: m.readOnly || m.volume.readOnly };
      }
    }
    return { volume: this.root, rel: abs.slice(1), readOnly: false };
  }

  resolve(path: string): string {
    return normalizePath(path, this.cwd);
  }

  isDir(path: string): boolean {
    const r = this.locate(this.resolve(path));
    return r.volume.dirs.has(r.rel);
  }

  isFile(path: string): boolean {
    const r = this.locate(this.resolve(path));
    return r.volume.files.has(r.rel);
  }

  exists(path: string): boolean {
    return this.isFile(path) || this.isDir(path);
  }

  read(path: string): string | FsFail {
    const abs = this.resolve(path);
    if (abs === "/dev/null") return "";
    const r = this.locate(abs);
    const f = r.volume.files.get(r.rel);
    if (f !== undefined) return f;
    return { error: r.volume.dirs.has(r.rel) ? "EISDIR" : "ENOENT" };
  }

  write(path: string, content: string, append = false): FsError | undefined {
    const abs = this.resolve(path);
    if (abs === "/dev/null") return undefined;
    const r = this.locate(abs);
    if (r.volume.dirs.has(r.rel)) return "EISDIR";
    if (!r.volume.dirs.has(parentOf(r.rel))) return "ENOENT";
    if (r.readOnly) return "EROFS";
    r.volume.files.set(r.rel, append ? (r.volume.files.get(r.rel) ?? "") + content : content);
    return undefined;
  }

  mkdir(path: string, parents: boolean): FsError | undefined {
    const r = this.locate(this.resolve(path));
    if (r.volume.dirs.has(r.rel)) return parents ? undefined : "EEXIST";
    if (r.volume.files.has(r.rel)) return "EEXIST";
    if (r.readOnly) return "EROFS";
    if (!parents && !r.volume.dirs.has(parentOf(r.rel))) return "ENOENT";
    mkdirAll(r.volume, r.rel);
    return undefined;
  }

  remove(path: string, recursive: boolean): FsError | undefined {
    const r = this.locate(this.resolve(path));
    if (r.volume.files.has(r.rel)) {
      if (r.readOnly) return "EROFS";
      r.volume.files.delete(r.rel);
      return undefined;
    }
    if (!r.volume.dirs.has(r.rel)) return "ENOENT";
    if (!recursive) return "EISDIR";
    if (r.readOnly) return "EROFS";
    const prefix = r.rel ? `${r.rel}/` : "";
    for (const k of [...r.volume.files.keys()]) if (k.startsWith(prefix)) r.volume.files.delete(k);
    for (const k of [...r.volume.dirs]) if (k.startsWith(prefix)) r.volume.dirs.delete(k);
    if (r.rel) r.volume.dirs.delete(r.rel);
    return undefined;
  }

  /** Entry names directly under a directory, sorted. */
  list(path: string): string[] | FsFail {
    const abs = this.resolve(path);
    const r = this.locate(abs);
    if (r.volume.files.has(r.rel)) return [abs.split("/").pop()!];
    if (!r.volume.dirs.has(r.rel)) return { error: "ENOENT" };
    const prefix = r.rel ? `${r.rel}/` : "";
    const names = new Set<string>();
    for (const k of [...r.volume.files.keys(), ...r.volume.dirs]) {
      if (k === r.rel || !k.startsWith(prefix)) continue;
      const name = k.slice(prefix.length).split("/")[0];
      if (name) names.add(name);
    }
    for (const m of this.mounts) {
      if (parentOf(m.path.slice(1)) === abs.slice(1)) names.add(m.path.split("/").pop()!);
    }
    return [...names].sort();
  }
}

function mkdirAll(v: Volume, rel: string): void {
  let cur = "";
  for (const seg of rel.split("/").filter(Boolean)) {
    cur = cur ? `${cur}/${seg}` : seg;
    v.dirs.add(cur);
  }
}

function parentOf(rel: string): string {
  const i = rel.lastIndexOf("/");
  return i < 0 ? "" : rel.slice(0, i);
}
