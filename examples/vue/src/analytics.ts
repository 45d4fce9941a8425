// Stand-in for your analytics (GA4, Plausible, Baidu Tongji…): put your tracker's set-up here. The app imports
// this module only once analytics is granted, so it runs once per page view and never before consent.
navigator.sendBeacon('/collect', JSON.stringify({ event: 'page_view', page: location.pathname }));

export {};
