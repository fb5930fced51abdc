/** The synthetic demo songs (demo data and test truth, never shipped): import from '@/scripts/demo/songs'. */
export { DEMO_SONG_SPECS, type DemoSongSpec } from './demo-song-spec'
export { generateDemoSong, DEMO_SONG_GENERATOR_VERSION, type DemoSong, type DemoSongTruth } from './generate-demo-song'
export { writeDemoSongs, DEFAULT_DEMO_SONG_DIR, type WrittenDemoSong } from './write-demo-songs'
