// Trajectory webview (browser code, bundled to out/webview/trajectory.js). It receives a simulated
// scene from the extension, animates the precomputed frames on a canvas, and shows ground truth and
// model predictions. Playback state is kept with `setState`, because the panel drops this page when
// hidden (retainContextWhenHidden: false) and reloads it when shown again.
//
// Test hooks on <body>: data-ready="true" after the first frame, data-frame (frame index),
// data-balls / data-containers (bodies drawn in that frame), data-ball0 ("x,y" of ball 0, scene units),
// data-ball0px (ball 0 in canvas CSS pixels), data-playing, data-track-points (points of the model's
// predicted track drawn), data-track0px (its first point in canvas CSS pixels), data-track-color.

import { activeMarker, advance, DEFAULT_SPEED, durationOf, frameAt, play, SPEEDS, stepBy, type Clock } from './playback.js';
import { checkHostMessage, checkPersistedState, sameSource, type HostMessage, type Marker, type PersistedState, type Predictions, type SourceRef, type ViewState, type WebviewMessage } from './protocol.js';
import { Renderer } from './renderer.js';
import { PredictionTable } from './table.js';
import { readPalette, watchTheme } from './theme.js';
import { estimateVelocity, type Velocity } from './velocity.js';

interface VsCodeApi {
    postMessage(message: WebviewMessage): void;
    getState(): unknown;
    setState(state: PersistedState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const post = (message: WebviewMessage) => vscode.postMessage(message);

function byId<T extends HTMLElement>(id: string): T {
    const el = document.getElementById(id);
    if (!el) throw new Error(`the trajectory page has no #${id}`);
    return el as T;
}

const ui = {
    title: byId<HTMLElement>('title'),
    truthLabel: byId<HTMLElement>('truth-label'),
    status: byId<HTMLElement>('status'),
    stage: byId<HTMLElement>('stage'),
    canvas: byId<HTMLCanvasElement>('trajectory-canvas'),
    tooltip: byId<HTMLElement>('tooltip'),
    play: byId<HTMLButtonElement>('play'),
    stepBack: byId<HTMLButtonElement>('step-back'),
    stepForward: byId<HTMLButtonElement>('step-forward'),
    timeline: byId<HTMLInputElement>('timeline'),
    ticks: byId<HTMLElement>('ticks'),
    speed: byId<HTMLSelectElement>('speed'),
    timeLabel: byId<HTMLElement>('time-label'),
    predictionsStatus: byId<HTMLElement>('predictions-status'),
    sandboxWarning: byId<HTMLElement>('sandbox-warning'),
    programBox: byId<HTMLDetailsElement>('program-box'),
    program: byId<HTMLElement>('program'),
    runPredictions: byId<HTMLButtonElement>('run-predictions'),
    showTrack: byId<HTMLInputElement>('show-track'),
    table: byId<HTMLTableElement>('predictions'),
};

interface Loaded {
    source: SourceRef;
    renderer: Renderer;
    markers: Marker[];
    markerTimes: number[];
    /** Marker to emphasise for each frame (-1: none); precomputed so drawing does no search. */
    markerOfFrame: Int32Array;
    duration: number;
}

let loaded: Loaded | undefined;
const clock: Clock = { time: 0, playing: false, speed: DEFAULT_SPEED };
const table = new PredictionTable(ui.table, ui.table.tBodies[0] ?? ui.table.createTBody(), (time) => seek(time));
const velocity: Velocity = { vx: 0, vy: 0 };
let rafId = 0;
let lastTick = 0;
let lastFrame = -1;
let lastActive = -2;
let dirty = true;
/** The canvas was refitted since the last draw (canvas coordinates changed). */
let resized = false;
let hover = -1;
let mouseX = 0;
let mouseY = 0;
let lastSave = 0;

// ---- messages ----

window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const checked = checkHostMessage(event.data);
    if (!checked.ok) {
        console.warn(`[trajectory] ignored an invalid message from the extension: ${checked.reason}`);
        return;
    }
    handle(checked.value);
});

function handle(message: HostMessage): void {
    switch (message.type) {
        case 'init':
            init(message);
            break;
        case 'progress':
            showStatus(`${message.message} ${Math.round(message.fraction * 100)} %`, 'busy');
            break;
        case 'predictions':
            showPredictions(message.predictions);
            break;
        case 'error':
            showStatus(message.message, 'error');
            break;
    }
}

function showStatus(text: string, kind: 'busy' | 'error' | 'info' | 'none'): void {
    ui.status.textContent = text;
    ui.status.className = kind;
    ui.status.hidden = kind === 'none';
}

// ---- setup for one scene ----

function init(message: Extract<HostMessage, { type: 'init' }>): void {
    let renderer: Renderer;
    try {
        const palette = readPalette();
        renderer = new Renderer(ui.canvas, message.geometry, message.frames, message.markers, palette);
        renderer.showTrack = ui.showTrack.checked;
        document.body.dataset.trackColor = palette.model;
    } catch (error) {
        showStatus(error instanceof Error ? error.message : String(error), 'error');
        return;
    }
    const { fps, count } = message.frames;
    const markerTimes = message.markers.map((m) => m.time);
    // Emphasise a marker while the time is within half the usual 0.1 s spacing of it.
    const markerOfFrame = Int32Array.from({ length: count }, (_, f) => activeMarker(markerTimes, f / fps, 0.05));
    loaded = { source: message.source, renderer, markers: message.markers, markerTimes, markerOfFrame, duration: durationOf(fps, count) };

    ui.title.textContent = message.title;
    document.title = message.title;
    ui.truthLabel.textContent = message.markers.length ? `Markers: ${message.truthLabel}` : 'No test timestamps for this scene';
    showStatus('', 'none');

    const saved = checkPersistedState(vscode.getState());
    const view: ViewState = saved.ok && sameSource(saved.value.source, message.source)
        ? saved.value.view
        : message.view ?? { time: 0, playing: true, speed: DEFAULT_SPEED };
    clock.time = Math.min(view.time, loaded.duration);
    clock.speed = view.speed;
    clock.playing = view.playing;

    ui.timeline.max = String(count - 1);
    ui.timeline.disabled = false;
    for (const b of [ui.play, ui.stepBack, ui.stepForward, ui.speed]) b.disabled = false;
    fillSpeeds(clock.speed);
    placeTicks(markerTimes, loaded.duration);
    showPredictions(message.predictions);

    lastFrame = -1;
    lastActive = -2;
    lastTick = 0;
    fitCanvas();
    syncPlayButton();
    invalidate();
}

function fillSpeeds(current: number): void {
    const speeds = SPEEDS.includes(current) ? SPEEDS : [...SPEEDS, current].sort((a, b) => a - b);
    ui.speed.replaceChildren(...speeds.map((s) => new Option(`${s}×`, String(s), false, s === current)));
}

function placeTicks(times: readonly number[], duration: number): void {
    ui.ticks.replaceChildren(...times.map((t) => {
        const tick = document.createElement('span');
        tick.className = 'tick';
        tick.title = `test at t = ${t.toFixed(2)} s`;
        tick.style.left = `${duration > 0 ? (100 * t) / duration : 0}%`;
        return tick;
    }));
}

function showPredictions(predictions: Predictions): void {
    ui.predictionsStatus.textContent = predictions.message;
    ui.predictionsStatus.className = `status-${predictions.status}`;
    ui.sandboxWarning.hidden = predictions.sandboxed !== false;
    ui.programBox.hidden = predictions.program === undefined;
    ui.program.textContent = predictions.program ?? '';
    ui.runPredictions.hidden = !predictions.canRun;
    ui.runPredictions.disabled = predictions.status === 'running';
    ui.runPredictions.textContent = predictions.status === 'done' || predictions.status === 'error' ? 'Run the model answer again' : 'Run the model answer';
    if (!loaded) return;
    loaded.renderer.setPredictions(predictions.rows);
    table.render(loaded.markers, predictions);
    lastActive = -2;
    invalidate();
}

// ---- animation ----

function schedule(): void {
    if (!rafId) rafId = requestAnimationFrame(tick);
}

function invalidate(): void {
    dirty = true;
    schedule();
}

function tick(now: number): void {
    rafId = 0;
    if (!loaded) return;
    const wasPlaying = clock.playing;
    // Cap the step so a stalled page (hidden, debugger) does not jump to the end.
    if (lastTick) advance(clock, Math.min((now - lastTick) / 1000, 0.1), loaded.duration);
    lastTick = clock.playing ? now : 0;
    const frame = frameAt(clock.time, loaded.renderer.fps, loaded.renderer.count);
    if (frame !== lastFrame || dirty) render(frame);
    if (wasPlaying !== clock.playing) syncPlayButton();
    saveState(!clock.playing && wasPlaying);
    if (clock.playing) schedule();
}

function render(frame: number): void {
    if (!loaded) return;
    const { renderer } = loaded;
    const active = loaded.markerOfFrame[frame];
    const counts = renderer.draw(frame, active, hover);
    const body = document.body.dataset;
    if (frame !== lastFrame) {
        const fps = renderer.fps;
        ui.timeline.value = String(frame);
        ui.timeLabel.textContent = `t = ${(frame / fps).toFixed(3)} s · frame ${frame}/${renderer.count - 1}`;
        body.frame = String(frame);
    }
    if ((frame !== lastFrame || resized) && renderer.ballCount > 0) {
        // Test hooks: ball 0 in scene units and in canvas CSS pixels (to hover it).
        const o = frame * renderer.ballCount * 3;
        const x = renderer.ballPoses[o];
        const y = renderer.ballPoses[o + 1];
        body.ball0 = `${x.toFixed(2)},${y.toFixed(2)}`;
        body.ball0px = `${renderer.canvasX(x).toFixed(1)},${renderer.canvasY(y).toFixed(1)}`;
    }
    const track = renderer.firstTrackPoint();
    body.track0px = track ? `${track[0].toFixed(1)},${track[1].toFixed(1)}` : '';
    body.trackPoints = String(counts.trackPoints);
    resized = false;
    body.balls = String(counts.balls);
    body.containers = String(counts.containers);
    if (active !== lastActive) {
        table.highlight(active);
        lastActive = active;
    }
    if (hover >= 0) updateTooltip(frame);
    lastFrame = frame;
    dirty = false;
    if (body.ready !== 'true') body.ready = 'true';
}

function fitCanvas(): void {
    if (!loaded) return;
    const rect = ui.stage.getBoundingClientRect();
    if (loaded.renderer.resize(rect.width, rect.height, window.devicePixelRatio || 1)) {
        resized = true;
        invalidate();
    }
}

// ---- state ----

function saveState(force: boolean): void {
    if (!loaded) return;
    const now = performance.now();
    // While playing, twice a second is plenty to resume close to where the user left.
    if (!force && now - lastSave < 500) return;
    lastSave = now;
    const state: PersistedState = { source: loaded.source, view: { time: clock.time, playing: clock.playing, speed: clock.speed } };
    vscode.setState(state);
    post({ type: 'state', state });
}

// ---- controls ----

function syncPlayButton(): void {
    ui.play.title = clock.playing ? 'Pause (Space)' : 'Play (Space)';
    ui.play.setAttribute('aria-pressed', String(clock.playing));
    document.body.dataset.playing = String(clock.playing);
}

function togglePlay(): void {
    if (!loaded) return;
    if (clock.playing) clock.playing = false;
    else play(clock, loaded.duration);
    lastTick = 0;
    syncPlayButton();
    saveState(true);
    invalidate();
}

function step(delta: number): void {
    if (!loaded) return;
    stepBy(clock, delta, loaded.renderer.fps, loaded.renderer.count);
    syncPlayButton();
    saveState(true);
    invalidate();
}

function seek(time: number): void {
    if (!loaded) return;
    clock.playing = false;
    clock.time = Math.max(0, Math.min(time, loaded.duration));
    syncPlayButton();
    saveState(true);
    invalidate();
}

ui.play.addEventListener('click', togglePlay);
ui.stepBack.addEventListener('click', () => step(-1));
ui.stepForward.addEventListener('click', () => step(1));
ui.timeline.addEventListener('input', () => {
    if (loaded) seek(Number(ui.timeline.value) / loaded.renderer.fps);
});
ui.speed.addEventListener('change', () => {
    const speed = Number(ui.speed.value);
    if (speed > 0) clock.speed = speed;
    saveState(true);
});
ui.showTrack.addEventListener('change', () => {
    if (loaded) loaded.renderer.showTrack = ui.showTrack.checked;
    invalidate();
});
ui.runPredictions.addEventListener('click', () => {
    ui.runPredictions.disabled = true;
    post({ type: 'requestPredictions' });
});
document.addEventListener('keydown', (e) => {
    // Buttons, the slider and the select handle their own keys.
    const target = e.target as HTMLElement | null;
    if (target && target !== document.body && target !== ui.canvas) return;
    if (e.key === ' ') { e.preventDefault(); togglePlay(); }
    else if (e.key === 'ArrowLeft') step(-1);
    else if (e.key === 'ArrowRight') step(1);
});

// ---- hover tooltip ----

ui.canvas.addEventListener('mousemove', (e) => {
    if (!loaded) return;
    const rect = ui.canvas.getBoundingClientRect();
    const px = e.clientX - rect.left;
    const py = e.clientY - rect.top;
    mouseX = px;
    mouseY = py;
    const hit = loaded.renderer.hitTest(px, py, Math.max(lastFrame, 0));
    if (hit !== hover) {
        hover = hit;
        ui.tooltip.hidden = hit < 0;
        invalidate();
    } else if (hit >= 0) {
        placeTooltip();
    }
});
ui.canvas.addEventListener('mouseleave', () => {
    hover = -1;
    ui.tooltip.hidden = true;
    invalidate();
});

function updateTooltip(frame: number): void {
    if (!loaded) return;
    const r = loaded.renderer;
    const o = (frame * r.ballCount + hover) * 3;
    estimateVelocity(r.ballPoses, r.count, r.ballCount, hover, frame, r.fps, velocity);
    const speed = Math.hypot(velocity.vx, velocity.vy);
    ui.tooltip.textContent =
        `Ball ${hover + 1}\n` +
        `position (${r.ballPoses[o].toFixed(2)}, ${r.ballPoses[o + 1].toFixed(2)})\n` +
        `velocity (${velocity.vx.toFixed(1)}, ${velocity.vy.toFixed(1)}) m/s\n` +
        `speed ${speed.toFixed(1)} m/s · angle ${(r.ballPoses[o + 2] % (2 * Math.PI)).toFixed(2)} rad`;
    placeTooltip();
}

/** Next to the cursor, flipped to the other side when it would leave the stage. */
function placeTooltip(): void {
    const w = ui.tooltip.offsetWidth;
    const h = ui.tooltip.offsetHeight;
    const stageW = ui.stage.clientWidth;
    const stageH = ui.stage.clientHeight;
    let left = mouseX + 14;
    let top = mouseY + 14;
    if (left + w > stageW - 4) left = mouseX - 14 - w;
    if (top + h > stageH - 4) top = mouseY - 14 - h;
    ui.tooltip.style.transform = `translate(${Math.max(0, left)}px, ${Math.max(0, top)}px)`;
}

// ---- start ----

new ResizeObserver(fitCanvas).observe(ui.stage);
watchTheme(() => {
    const palette = readPalette();
    document.body.dataset.trackColor = palette.model;
    loaded?.renderer.setPalette(palette);
    invalidate();
});
showStatus('Waiting for the simulation…', 'busy');
post({ type: 'ready' });
