/**
 * The per-stage platform model (platform.ts) and the advice that depends on it: Windows stages get no Linux-only
 * advice, BusyBox stages no GNU-only fix, shell-less stages no shell advice; and the content-aware messages (the UID
 * a file gives its user, `curl … | sh` as one problem with related locations).
 */
import { strict as assert } from 'node:assert';
import { engineReady } from '../helpers/setup';
import { parseDockerfile } from '../../src/core/dockerfile/parse';
import { imagePlatform, stagePlatform } from '../../src/core/dockerfile/platform';
import { lint, LineIndex, type Finding, type Range } from '../../src/core/index';

const at = (text: string, r: Range): string => new LineIndex(text).textOf(r);
const kinds = (text: string): string[] => {
  const m = parseDockerfile(text);
  return m.stages.map((s) => stagePlatform(m, s).kind);
};
const only = (text: string, code: string): Finding[] => lint(text, 'dockerfile').filter((f) => f.code === code);

describe('dockerfile platform', () => {
  before(engineReady);

  it('reads the platform from the base image', () => {
    assert.equal(imagePlatform('mcr.microsoft.com/windows/servercore:ltsc2022'), 'windows');
    assert.equal(imagePlatform('mcr.microsoft.com/windows/nanoserver:ltsc2022'), 'windows');
    assert.equal(imagePlatform('mcr.microsoft.com/dotnet/sdk:8.0-nanoserver-ltsc2022'), 'windows');
    assert.equal(imagePlatform('python:3.12-windowsservercore-ltsc2022'), 'windows');
    assert.equal(imagePlatform('mcr.microsoft.com/dotnet/framework/sdk:4.8'), 'windows');
    assert.equal(imagePlatform('mcr.microsoft.com/dotnet/aspnet:8.0'), undefined);
    assert.equal(imagePlatform('alpine:3.20'), 'busybox');
    assert.equal(imagePlatform('node:20-alpine3.19'), 'busybox');
    assert.equal(imagePlatform('busybox'), 'busybox');
    assert.equal(imagePlatform('gcr.io/distroless/static-debian12:nonroot'), 'distroless');
    assert.equal(imagePlatform('gcr.io/distroless/base-debian12:debug'), 'busybox');
    assert.equal(imagePlatform('scratch'), 'scratch');
    assert.equal(imagePlatform('debian:12.8'), 'linux');
    assert.equal(imagePlatform('python:3.12-slim-bookworm'), 'linux');
    assert.equal(imagePlatform('python'), undefined);
  });

  it('passes a stage platform on through FROM <stage> and FROM ${ARG}, and reads Windows hints', () => {
    assert.deepEqual(kinds('FROM alpine:3.20 AS a\nFROM a\n'), ['busybox', 'busybox']);
    assert.deepEqual(kinds('ARG B=mcr.microsoft.com/windows/servercore:ltsc2022\nFROM ${B}\n'), ['windows']);
    assert.deepEqual(kinds('FROM --platform=windows/amd64 myimage:1\n'), ['windows']);
    assert.deepEqual(kinds('FROM myimage:1\nSHELL ["powershell", "-Command"]\n'), ['windows']);
    assert.deepEqual(kinds('FROM myimage:1\nWORKDIR C:\\\\app\n'), ['windows']);
    assert.deepEqual(kinds('# escape=`\nFROM myimage:1\n'), ['windows']);
    // the escape directive does not outweigh an image known to be Linux
    assert.deepEqual(kinds('# escape=`\nFROM debian:12.8\n'), ['linux']);
    assert.deepEqual(kinds('# escape=`\nFROM myimage:1\nRUN apt-get update\n'), ['linux']);
    assert.deepEqual(kinds('FROM myimage:1\nSHELL ["pwsh", "-c"]\n'), ['linux']);
    const m = parseDockerfile('FROM scratch\nFROM gcr.io/distroless/static\nFROM gcr.io/distroless/base:debug\nFROM alpine:3.20\n');
    // distroless :debug has BusyBox tools under /busybox but no /bin/sh
    assert.deepEqual(m.stages.map((s) => stagePlatform(m, s).noShell), [true, true, true, false]);
  });

  it('DL3025 names the shell the platform runs, and the Windows conversion is not marked safe', () => {
    const win = only('FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCMD ping -t localhost\n', 'DL3025');
    assert.equal(win.length, 1);
    assert.match(win[0].message, /"cmd \/S \/C"/);
    assert.doesNotMatch(win[0].message, /\/bin\/sh/);
    assert.equal(win[0].fixes?.[0]?.safe, false);
    const none = only('FROM gcr.io/distroless/static-debian12\nCMD /app\n', 'DL3025');
    assert.match(none[0].message, /has no \/bin\/sh/);
    const linux = only('FROM debian:12.8\nCMD nginx -g "daemon off;"\n', 'DL3025');
    assert.match(linux[0].message, /"\/bin\/sh -c"/);
  });

  it('DL3066 advises the UID the file gives the user, or none', () => {
    const given = only('FROM debian:12.8\nRUN useradd -l -u 10001 app\nUSER app\n', 'DL3066');
    assert.match(given[0].message, /USER 10001, from line 2/);
    assert.equal(given[0].related?.[0]?.range.start.line, 1);
    const busybox = only('FROM alpine:3.20\nRUN adduser -D -u 2000 web\nUSER web\n', 'DL3066');
    assert.match(busybox[0].message, /USER 2000/);
    const none = only('FROM debian:12.8\nRUN useradd -m svc\nUSER svc\n', 'DL3066');
    assert.doesNotMatch(none[0].message, /USER \d/);
    assert.match(none[0].related?.[0]?.message ?? '', /without a fixed UID/);
    assert.deepEqual(only('FROM mcr.microsoft.com/windows/servercore:ltsc2022\nUSER ContainerUser\n', 'DL3066'), []);
  });

  it('DL3000 resolves a relative WORKDIR on Windows with backslashes and offers no fix', () => {
    const text = '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\app\nWORKDIR bin\n';
    const f = only(text, 'DL3000');
    assert.equal(f.length, 1);
    assert.match(f[0].message, /resolves to C:\\app\\bin\./);
    assert.deepEqual(f[0].fixes ?? [], []);
  });

  it('DL4006 fixes with BusyBox ash on Alpine and bash elsewhere', () => {
    const alpine = only('FROM alpine:3.20\nRUN wget -qO- https://example.com/x | tar -x\n', 'DL4006');
    assert.match(alpine[0].fixes?.[0]?.edits[0].newText ?? '', /^SHELL \["\/bin\/ash", "-o", "pipefail", "-c"\]\n/);
    assert.doesNotMatch(alpine[0].message, /bash/);
    const debian = only('FROM debian:12.8\nRUN wget -qO- https://example.com/x | tar -x\n', 'DL4006');
    assert.match(debian[0].fixes?.[0]?.edits[0].newText ?? '', /^SHELL \["\/bin\/bash"/);
  });

  it('curl | sh: one finding per problem, on different tokens, pointing at each other', () => {
    const text = 'FROM debian:12.8\nRUN curl -fsSL https://example.com/install.sh | sh\n';
    const all = lint(text, 'dockerfile');
    const dkr = all.filter((f) => f.code === 'DKR102');
    const pf = all.filter((f) => f.code === 'DL4006');
    assert.equal(dkr.length, 1);
    assert.equal(pf.length, 1);
    assert.equal(at(text, dkr[0].range), 'sh');
    assert.equal(at(text, pf[0].range), '|');
    assert.equal(at(text, dkr[0].related![0].range), 'curl -fsSL https://example.com/install.sh');
    assert.equal(at(text, pf[0].related![0].range), 'sh');
  });

  it('DKR012 points at the command that makes the image a service', () => {
    const text = 'FROM debian:12.8\nENTRYPOINT ["/entrypoint.sh"]\nEXPOSE 5432\nCMD ["postgres"]\n';
    const f = only(text, 'DKR012');
    assert.equal(at(text, f[0].range), '["postgres"]');
    assert.equal(at(text, f[0].related![0].range), 'EXPOSE 5432');
  });
});
