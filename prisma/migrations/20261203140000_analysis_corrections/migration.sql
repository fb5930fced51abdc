-- An instructor's corrections of a song's analysis (count one from a point, pausas, tempo octave, shift, labels), kept in order and re-applied on every fresh analysis.
ALTER TABLE "Song" ADD COLUMN "analysisCorrections" JSONB NOT NULL DEFAULT '[]';
