// Video files for Chromium's fake camera (--use-file-for-fake-video-capture): a QR sticker made
// with qrencode, filmed at 640x480, 15 fps, optionally after some seconds of a blank wall.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export function stickerVideo(text, { seconds = 3, blankSeconds = 0, qrPixels = 320 } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'evcharge-camera-'));
  const png = path.join(dir, 'sticker.png'), y4m = path.join(dir, 'camera.y4m');
  writeFileSync(path.join(dir, 'text'), text);
  execFileSync('sh', ['-c', 'qrencode -s 8 -m 4 -o "$1" < "$2"', 'sh', png, path.join(dir, 'text')]);
  const sticker = `scale=${qrPixels}:${qrPixels}:flags=neighbor,pad=640:480:(ow-iw)/2:(oh-ih)/2:color=white,format=yuv420p`;
  const args = ['-v', 'error', '-y'];
  if (blankSeconds > 0) {
    args.push('-f', 'lavfi', '-i', `color=c=white:s=640x480:r=15:d=${blankSeconds}`, '-loop', '1', '-t', String(seconds), '-r', '15', '-i', png,
      '-filter_complex', `[0:v]format=yuv420p[a];[1:v]${sticker}[b];[a][b]concat=n=2:v=1[v]`, '-map', '[v]');
  } else {
    args.push('-loop', '1', '-i', png, '-vf', sticker, '-t', String(seconds));
  }
  args.push('-r', '15', y4m);
  execFileSync('ffmpeg', args);
  return { file: y4m, dir };
}

// Chromium flags for a fake camera showing `file`, with the permission prompt answered yes.
export function fakeCameraArgs(file) {
  return ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${file}`];
}
