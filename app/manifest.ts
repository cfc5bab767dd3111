import type { MetadataRoute } from "next";

/**
 * The web app manifest (/manifest.webmanifest), so "Add to home screen" installs Omi Hub
 * with its name and icon and opens it without browser chrome. Icons come from
 * scripts/make-icons.ts.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Omi Hub",
    short_name: "Omi Hub",
    description: "Your Omi conversations, live transcript, audio and daily recaps, in your own dashboard.",
    start_url: "/memories",
    scope: "/",
    display: "standalone",
    background_color: "#fafafa",
    theme_color: "#4d51de",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
