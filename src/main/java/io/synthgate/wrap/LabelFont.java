package io.synthgate.wrap;

import java.util.Map;

/**
 * A 5x7 bitmap font for the burned-in label. Built in so that labelling needs no font files: a
 * headless server image often has none, and the label must look the same everywhere.
 */
final class LabelFont {

    static final int WIDTH = 5;
    static final int HEIGHT = 7;

    private static final Map<Character, String[]> GLYPHS = Map.ofEntries(
            Map.entry('A', new String[] {".###.", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"}),
            Map.entry('C', new String[] {".###.", "#...#", "#....", "#....", "#....", "#...#", ".###."}),
            Map.entry('D', new String[] {"####.", "#...#", "#...#", "#...#", "#...#", "#...#", "####."}),
            Map.entry('E', new String[] {"#####", "#....", "#....", "####.", "#....", "#....", "#####"}),
            Map.entry('F', new String[] {"#####", "#....", "#....", "####.", "#....", "#....", "#...."}),
            Map.entry('G', new String[] {".###.", "#...#", "#....", "#.###", "#...#", "#...#", ".###."}),
            Map.entry('H', new String[] {"#...#", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"}),
            Map.entry('I', new String[] {".###.", "..#..", "..#..", "..#..", "..#..", "..#..", ".###."}),
            Map.entry('N', new String[] {"#...#", "##..#", "#.#.#", "#..##", "#...#", "#...#", "#...#"}),
            Map.entry('O', new String[] {".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."}),
            Map.entry('R', new String[] {"####.", "#...#", "#...#", "####.", "#.#..", "#..#.", "#...#"}),
            Map.entry('S', new String[] {".####", "#....", "#....", ".###.", "....#", "....#", "####."}),
            Map.entry('T', new String[] {"#####", "..#..", "..#..", "..#..", "..#..", "..#..", "..#.."}),
            Map.entry('Y', new String[] {"#...#", "#...#", ".#.#.", "..#..", "..#..", "..#..", "..#.."}),
            Map.entry('-', new String[] {".....", ".....", ".....", "#####", ".....", ".....", "....."}),
            Map.entry(' ', new String[] {".....", ".....", ".....", ".....", ".....", ".....", "....."}));

    private LabelFont() {
    }

    /** Whether the glyph of {@code c} has ink at ({@code x}, {@code y}). */
    static boolean ink(char c, int x, int y) {
        String[] glyph = GLYPHS.get(c);
        if (glyph == null) {
            throw new IllegalArgumentException("No glyph for '" + c + "'");
        }
        return glyph[y].charAt(x) == '#';
    }
}
